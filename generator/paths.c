/* paths.c - locating annals' own files (see paths.h). */
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Does DIR hold lua/annals and themes/default? */
static int is_data_dir(const char *dir)
{
	char p[PATH_MAX + 32];
	snprintf(p, sizeof p, "%s/lua/annals", dir);
	if (!is_dir(p))
		return 0;
	snprintf(p, sizeof p, "%s/themes", dir);
	return is_dir(p);
}

int an_paths_data_dir(char *out, const char *argv0, an_error *err)
{
	const char *env = getenv("ANNALS_DATA_DIR");
	if (env && *env) {
		if (!is_data_dir(env))
			return an_error_set(err, env, 0, "ANNALS_DATA_DIR holds no lua/annals and themes/");
		snprintf(out, PATH_MAX, "%s", env);
		return 0;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
	} else if (!realpath(argv0, exe)) {
		return an_error_set(err, argv0, 0, "cannot find where annals is installed");
	}
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0'; /* the bin/ folder */
	char cand[PATH_MAX + 32];
	const char *const rel[] = {"..", "../share/annals"};
	for (size_t i = 0; i < 2; i++) {
		snprintf(cand, sizeof cand, "%s/%s", exe, rel[i]);
		if (is_data_dir(cand) && realpath(cand, out))
			return 0;
	}
	return an_error_set(err, exe, 0,
	                    "cannot find annals' Lua modules and themes (looked in %s/.. and "
	                    "%s/../share/annals); reinstall, or set ANNALS_DATA_DIR", exe, exe);
}

int an_paths_theme(char *out, const char *site_root, const char *data_dir,
                   const char *name, an_error *err)
{
	if (!*name || strchr(name, '/') || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return an_error_set(err, NULL, 0, "bad theme name \"%s\": use a folder name", name);
	char cand[PATH_MAX + 300];
	snprintf(cand, sizeof cand, "%s/themes/%s", site_root, name);
	char lua[PATH_MAX + 320];
	snprintf(lua, sizeof lua, "%s/theme.lua", cand);
	if (access(lua, R_OK) == 0 && realpath(cand, out))
		return 0;
	snprintf(cand, sizeof cand, "%s/themes/%s", data_dir, name);
	snprintf(lua, sizeof lua, "%s/theme.lua", cand);
	if (access(lua, R_OK) == 0 && realpath(cand, out))
		return 0;
	return an_error_set(err, NULL, 0,
	                    "theme \"%s\" not found in %s/themes or %s/themes", name,
	                    site_root, data_dir);
}
