/* main.c - the annals command line: argument parsing and dispatch only.
 * Every command is a thin shell over the stage modules; exit codes are
 * 0 success, 1 content or build error, 2 usage error. */
#include "acache.h"
#include "alloc.h"
#include "buf.h"
#include "build.h"
#include "cli.h"
#include "date.h"
#include "error.h"
#include "export.h"
#include "history.h"
#include "load.h"
#include "paths.h"
#include "progress.h"
#include "publish.h"
#include "site.h"
#include "term.h"
#include "timex.h"
#include "write.h"
#include "timex_format.h"

#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define EXIT_CONTENT 1
#define EXIT_USAGE 2

static const char usage_text[] =
	"usage: annals <command> [options]\n"
	"\n"
	"commands:\n"
	"  build [--source DIR] [--output DIR] [--theme NAME] [--rev REV] [--force] [--strict]\n"
	"        [--quiet] [--no-cache]\n"
	"        build the site in DIR (default .) into --output (default DIR/public);\n"
	"        --rev builds a git commit, tag or branch without checking it out;\n"
	"        --strict makes warnings errors; analyses of unchanged articles are\n"
	"        kept in ~/.cache/annals (--no-cache: neither read nor written)\n"
	"  diff [--source DIR] REV1 REV2\n"
	"        print how the timeline changed between two git revisions\n"
	"  publish --branch NAME [--message MSG] [--source DIR] [--rev REV] [--quiet]\n"
	"        build the site and commit it to branch NAME (HEAD, index and files untouched)\n"
	"  tag --dct YYYY-MM-DD [FILE|-]\n"
	"        print the date expressions found in FILE (default stdin) as JSON\n"
	"  timeline [--source DIR] [--rev REV] [--json]\n"
	"        print the timeline of the site's articles\n"
	"  serve [--source DIR] [--port N] [--bind ADDR]\n"
	"        preview the site on http://127.0.0.1:8080/, rebuilt and reloaded on save\n"
	"  new site DIR | new article [--source DIR] \"TITLE\"\n"
	"        start a site, or an article with its front matter\n"
	"  check [--source DIR] [--json] [--strict]\n"
	"        find mistakes in the content without building\n"
	"\n"
	"'annals COMMAND --help' explains a command; 'man annals' has it all.\n"
	"\n"
	"options:\n"
	"  -h, --help     show this help\n"
	"  --version      print the version\n";

static int usage_error(const char *fmt, const char *arg)
{
	fputs("annals: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nrun 'annals --help' for usage\n", stderr);
	return EXIT_USAGE;
}

static int cmd_tag(int argc, char **argv)
{
	const char *dct_s = NULL, *file = "-", *format_s = "json";
	int have_file = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dct") == 0 && i + 1 < argc)
			dct_s = argv[++i];
		else if (strncmp(argv[i], "--dct=", 6) == 0)
			dct_s = argv[i] + 6;
		else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			format_s = argv[++i];
		else if (strncmp(argv[i], "--format=", 9) == 0)
			format_s = argv[i] + 9;
		else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs("usage: annals tag --dct YYYY-MM-DD [--format json|timeml] [FILE|-]\n"
			      "json (default): {\"dct\":...,\"timexes\":[...]} with UTF-8 byte offsets\n"
			      "timeml: the text with inline <TIMEX3> elements in a TimeML document\n",
			      stdout);
			return 0;
		} else if (argv[i][0] == '-' && argv[i][1])
			return usage_error("tag: unknown option '%s'", argv[i]);
		else if (have_file)
			return usage_error("tag: one input file at most (got '%s')", argv[i]);
		else {
			file = argv[i];
			have_file = 1;
		}
	}
	if (!dct_s)
		return usage_error("tag: --dct YYYY-MM-DD is required%s", "");
	an_date dct;
	if (an_date_parse_iso(&dct, dct_s) < 0)
		return usage_error("tag: --dct must be a date as YYYY-MM-DD (got '%s')", dct_s);
	an_timex_format format;
	if (an_timex_format_parse(&format, format_s) < 0)
		return usage_error("tag: --format must be json or timeml (got '%s')", format_s);

	an_error err = AN_ERROR_INIT;
	an_buf text = AN_BUF_INIT;
	if (an_load_file(&text, file, &err) < 0 ||
	    an_load_check_text(file, text.ptr, text.len, &err) < 0) {
		an_error_print(&err, stderr);
		an_buf_free(&text);
		return EXIT_CONTENT;
	}
	an_timex_list list = AN_TIMEX_LIST_INIT;
	an_timex_tag(&list, text.ptr, text.len, dct);
	an_buf out = AN_BUF_INIT;
	if (format == AN_TIMEX_FORMAT_TIMEML)
		an_timex_format_timeml(&out, text.ptr, text.len, dct, &list);
	else
		an_timex_format_json(&out, text.ptr, text.len, dct, &list);
	fwrite(out.ptr, 1, out.len, stdout);
	an_buf_free(&out);
	an_timex_list_free(&list);
	an_buf_free(&text);
	return 0;
}

/* Options shared by the commands that read a site. */
typedef struct {
	const char *source, *output, *theme;
	int force, quiet, json, strict, no_cache;
	const char *rev, *branch, *message; /* git: --rev, publish's --branch, --message */
} site_opts;

/* Parses the options `allowed` lists ("soTfqjrbm"); returns 0, or the usage
 * exit code after printing why. */
static int parse_site_opts(site_opts *o, int argc, char **argv, const char *cmd,
                           const char *allowed)
{
	memset(o, 0, sizeof *o);
	o->source = ".";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;
		char key = 0;
		if (strcmp(a, "--source") == 0 || strcmp(a, "-s") == 0)
			slot = &o->source, key = 's';
		else if (strcmp(a, "--output") == 0 || strcmp(a, "-o") == 0)
			slot = &o->output, key = 'o';
		else if (strcmp(a, "--theme") == 0)
			slot = &o->theme, key = 'T';
		else if (strcmp(a, "--force") == 0)
			o->force = 1, key = 'f';
		else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0)
			o->quiet = 1, key = 'q';
		else if (strcmp(a, "--json") == 0)
			o->json = 1, key = 'j';
		else if (strcmp(a, "--strict") == 0)
			o->strict = 1, key = 'S';
		else if (strcmp(a, "--no-cache") == 0)
			o->no_cache = 1, key = 'n';
		else if (strcmp(a, "--rev") == 0)
			slot = &o->rev, key = 'r';
		else if (strcmp(a, "--branch") == 0)
			slot = &o->branch, key = 'b';
		else if (strcmp(a, "--message") == 0 || strcmp(a, "-m") == 0)
			slot = &o->message, key = 'm';
		if (!key || !strchr(allowed, key)) {
			fprintf(stderr, "annals: %s: unknown option '%s'\nrun 'annals --help' for usage\n",
			        cmd, a);
			return EXIT_USAGE;
		}
		if (slot) {
			if (i + 1 >= argc || !argv[i + 1][0]) {
				fprintf(stderr, "annals: %s: %s needs a value\n", cmd, a);
				return EXIT_USAGE;
			}
			*slot = argv[++i];
		}
	}
	return 0;
}

/* Before a build writes anything, an interrupt can simply exit; while it
 * writes, the build stops at the next file and removes its temporary
 * folder, so the previous site stays whole. */
static void on_signal(int sig)
{
	if (!an_build_interrupt(sig))
		_exit(128 + sig);
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Where the analyses of the site at SOURCE are kept between builds: the
 * user's cache folder (XDG), one file per site, named by a hash of the
 * site's real path, so that a build never writes into the site itself.
 * Leaves `out` empty when there is no such folder (no HOME). */
static void cache_path(an_buf *out, const char *source)
{
	char real[PATH_MAX];
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	if (!realpath(source, real))
		return;
	uint64_t h = an_acache_hash(real, strlen(real));
	if (xdg && xdg[0] == '/')
		an_buf_printf(out, "%s/annals/%016llx/analyses", xdg, (unsigned long long)h);
	else if (home && home[0] == '/')
		an_buf_printf(out, "%s/.cache/annals/%016llx/analyses", home, (unsigned long long)h);
}

static int cmd_build(int argc, char **argv, const char *argv0)
{
	site_opts o;
	int rc = parse_site_opts(&o, argc, argv, "build", "soTfqrSn");
	if (rc)
		return rc;
	double t0 = now_ms();
	an_error err = AN_ERROR_INIT;
	char data_dir[PATH_MAX];
	an_build_stats st;
	if (an_paths_data_dir(data_dir, argv0, &err) < 0) {
		an_error_print(&err, stderr);
		return EXIT_CONTENT;
	}
	/* without --strict a bad article is reported and left out, and the
	 * others build (exit 1); with it, the build fails and the old site
	 * stays */
	an_buf cache_file = AN_BUF_INIT;
	if (!o.no_cache)
		cache_path(&cache_file, o.source);
	an_build_opts bo = {o.source, o.output, o.theme, data_dir, o.force,
	                    o.rev, o.quiet ? NULL : stderr, stderr, o.strict, NULL, !o.strict,
	                    NULL, cache_file.ptr, NULL};
	/* a progress line only for a person watching a terminal that can
	 * redraw a line; logs and pipes get the summary alone */
	static an_progress progress;
	if (!o.quiet && an_term_interactive(stderr) && an_progress_start(&progress, stderr) == 0)
		bo.progress = &progress;
	rc = an_build(&st, &bo, &err);
	an_progress_stop(bo.progress);
	an_buf_free(&cache_file);
	if (rc < 0) {
		an_error_print(&err, stderr);
		return EXIT_CONTENT;
	}
	if (!o.quiet) {
		/* what a rebuild spared: files kept as they were, analyses reused */
		char spared[160] = "";
		char kept[96] = "", exports[48] = "";
		if (st.exports_kept)
			snprintf(exports, sizeof exports, "%s%zu data export%s kept", st.kept ? ", " : "",
			         st.exports_kept, st.exports_kept == 1 ? "" : "s");
		if (st.kept)
			snprintf(kept, sizeof kept, " (%zu not rendered again%s)", st.kept, exports);
		else if (st.exports_kept)
			snprintf(kept, sizeof kept, " (%s)", exports);
		if (st.linked || st.reused)
			snprintf(spared, sizeof spared, "; %zu file%s unchanged%s, %zu analys%s reused",
			         st.linked, st.linked == 1 ? "" : "s", kept, st.reused,
			         st.reused == 1 ? "is" : "es");
		fprintf(stderr,
		        "annals: built %zu files from %zu articles (%zu events, %zu undated) "
		        "into %s in %.0f ms%s\n",
		        st.files, st.articles, st.events, st.undated, st.output, now_ms() - t0,
		        spared);
	}
	if (st.skipped) {
		/* the site is built without them; the exit status says it is short */
		fprintf(stderr, "annals: %zu article%s left out for the errors above; fix %s, "
		        "or build with --strict to stop at the first\n", st.skipped,
		        st.skipped == 1 ? " was" : "s were", st.skipped == 1 ? "it" : "them");
		return EXIT_CONTENT;
	}
	return 0;
}

static int cmd_timeline(int argc, char **argv)
{
	site_opts o;
	int rc = parse_site_opts(&o, argc, argv, "timeline", "sjr");
	if (rc)
		return rc;
	an_error err = AN_ERROR_INIT;
	an_site site;
	an_history_opts ho = {.rev = o.rev, .warnings = stderr}; /* dates from git, as build */
	if (an_history_load_site(&site, o.source, &ho, &err) < 0) {
		an_error_print(&err, stderr);
		return EXIT_CONTENT;
	}
	an_buf out = AN_BUF_INIT;
	if (o.json)
		an_export_timeline_json(&out, &site);
	else
		an_export_timeline_text(&out, &site);
	fwrite(out.ptr, 1, out.len, stdout);
	an_buf_free(&out);
	an_site_free(&site);
	return 0;
}

static int cmd_diff(int argc, char **argv)
{
	const char *source = ".", *revs[2] = {NULL, NULL};
	int n = 0;
	for (int i = 1; i < argc; i++) {
		if ((strcmp(argv[i], "--source") == 0 || strcmp(argv[i], "-s") == 0) && i + 1 < argc)
			source = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1])
			return usage_error("diff: unknown option '%s'", argv[i]);
		else if (n == 2)
			return usage_error("diff: two revisions at most (got '%s')", argv[i]);
		else
			revs[n++] = argv[i];
	}
	if (n != 2)
		return usage_error("diff: give two revisions, e.g. annals diff HEAD~1 HEAD%s", "");
	an_error err = AN_ERROR_INIT;
	an_changes changes = AN_CHANGES_INIT;
	an_history_opts ho = {.warnings = stderr};
	if (an_history_diff(&changes, source, revs[0], revs[1], &ho, &err) < 0) {
		an_error_print(&err, stderr);
		return EXIT_CONTENT;
	}
	an_buf out = AN_BUF_INIT;
	an_buf_printf(&out, "timeline changes from %s to %s: %zu\n", revs[0], revs[1],
	              changes.len);
	an_diff_text(&out, &changes);
	fwrite(out.ptr, 1, out.len, stdout);
	an_buf_free(&out);
	an_changes_free(&changes);
	return 0;
}

/* Builds into a temporary folder, commits that to the branch, removes it. */
static int cmd_publish(int argc, char **argv, const char *argv0)
{
	site_opts o;
	int rc = parse_site_opts(&o, argc, argv, "publish", "sTqrbm");
	if (rc)
		return rc;
	if (!o.branch)
		return usage_error("publish: --branch NAME is required (e.g. --branch gh-pages)%s", "");
	an_error err = AN_ERROR_INIT;
	char data_dir[PATH_MAX], tmp[PATH_MAX], site_dir[PATH_MAX + 8], id[41];
	an_build_stats st;
	int unchanged = 0;
	const char *tmpdir = getenv("TMPDIR");
	if (an_paths_data_dir(data_dir, argv0, &err) < 0) {
		an_error_print(&err, stderr);
		return EXIT_CONTENT;
	}
	snprintf(tmp, sizeof tmp, "%s/annals-publish-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(tmp)) {
		perror("annals: publish: cannot create a temporary folder");
		return EXIT_CONTENT;
	}
	snprintf(site_dir, sizeof site_dir, "%s/site", tmp);
	an_build_opts bo = {o.source, site_dir, o.theme, data_dir, 0,
	                    o.rev, o.quiet ? NULL : stderr, stderr, 0, NULL, 0, NULL, NULL, NULL};
	time_t now = time(NULL);
	struct tm local;
	localtime_r(&now, &local);
	an_publish_opts po = {site_dir, o.source, o.branch, o.message, o.rev,
	                      (long long)now, (int)(local.tm_gmtoff / 60)};
	rc = 0;
	if (an_build(&st, &bo, &err) < 0 || an_publish(id, &unchanged, &po, &err) < 0) {
		an_error_print(&err, stderr);
		rc = EXIT_CONTENT;
	} else if (!o.quiet && unchanged) {
		fprintf(stderr, "annals: branch %s already holds this site (%.7s); nothing to "
		        "commit\n", o.branch, id);
	} else if (!o.quiet) {
		fprintf(stderr, "annals: published %zu files to branch %s (commit %.7s)\n",
		        st.files, o.branch, id);
	}
	an_remove_tree(tmp);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("no command given%s", "");
	const char *cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
	    (strcmp(cmd, "help") == 0 && argc == 2)) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("annals %s\n", AN_VERSION);
		return 0;
	}
	if (strcmp(cmd, "help") == 0 || an_cli_wants_help(argc - 1, argv + 1)) {
		const char *topic = strcmp(cmd, "help") == 0 ? argv[2] : cmd;
		if (an_cli_help(stdout, topic) == 0)
			return 0;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	if (strcmp(cmd, "build") == 0)
		return cmd_build(argc - 1, argv + 1, argv[0]);
	if (strcmp(cmd, "tag") == 0)
		return cmd_tag(argc - 1, argv + 1);
	if (strcmp(cmd, "timeline") == 0)
		return cmd_timeline(argc - 1, argv + 1);
	if (strcmp(cmd, "diff") == 0)
		return cmd_diff(argc - 1, argv + 1);
	if (strcmp(cmd, "publish") == 0)
		return cmd_publish(argc - 1, argv + 1, argv[0]);
	if (strcmp(cmd, "serve") == 0)
		return an_cli_serve(argc - 1, argv + 1, argv[0]);
	if (strcmp(cmd, "new") == 0)
		return an_cli_new(argc - 1, argv + 1);
	if (strcmp(cmd, "check") == 0)
		return an_cli_check(argc - 1, argv + 1);
	return usage_error("unknown command '%s'", cmd);
}
