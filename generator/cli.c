/* cli.c - serve, new and check on the command line, and every command's
 * help (see cli.h).  The work is in serve.c, scaffold.c and lint.c. */
#include "cli.h"
#include "error.h"
#include "buf.h"
#include "date.h"
#include "lint.h"
#include "paths.h"
#include "scaffold.h"
#include "serve.h"
#include "term.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EXIT_CONTENT 1
#define EXIT_USAGE 2

typedef struct {
	const char *name, *text;
} help;

static const help helps[] = {
	{"build",
	 "usage: annals build [--source DIR] [--output DIR] [--theme NAME] [--rev REV]\n"
	 "                    [--force] [--strict] [--quiet] [--no-cache]\n"
	 "Builds the site in DIR (default .) into --output (default DIR/public), in a\n"
	 "temporary folder swapped in at the end: a failed build leaves the old site.\n"
	 "Files whose bytes did not change stay as they were (same inode and time).\n"
	 "On a terminal, a build over a second shows a progress line.\n"
	 "  --theme NAME  use this theme instead of the config's\n"
	 "  --rev REV     build a git commit, tag or branch without checking it out\n"
	 "  --force       replace an output folder annals did not create\n"
	 "  --strict      make warnings errors\n"
	 "  --quiet       print nothing on success, and no progress line\n"
	 "  --no-cache    neither read nor write the analyses of articles kept in\n"
	 "                $XDG_CACHE_HOME/annals (default ~/.cache/annals), so that a\n"
	 "                rebuild analyses only the changed ones\n"},
	{"serve",
	 "usage: annals serve [--source DIR] [--theme NAME] [--port N] [--bind ADDR]\n"
	 "Builds the site in DIR (default .) into a temporary folder and serves it for\n"
	 "preview, rebuilding when a file in content/, themes/ or annals.yaml changes;\n"
	 "open pages reload once the new site is ready.  A build error shows in the\n"
	 "terminal and over the page, and the last good site stays served.\n"
	 "  --port N      the port (default 8080); 0 picks a free port\n"
	 "  --bind ADDR   the address to listen on (default 127.0.0.1, this machine\n"
	 "                only); 0.0.0.0 or :: makes the preview visible to others\n"
	 "Prints \"annals: serving http://ADDR:PORT/\" on stdout.  Ctrl-C stops.\n"},
	{"new",
	 "usage: annals new site DIR\n"
	 "       annals new article [--source DIR] [--date YYYY-MM-DD] [--slug SLUG] \"TITLE\"\n"
	 "site: creates DIR with annals.yaml, content/ holding one example article,\n"
	 "and themes/ for theme overrides; DIR must not exist or be empty.\n"
	 "article: writes content/SLUG.md under DIR (default .) with front matter\n"
	 "(title, today's date or --date, slug from the title) and prints its path.\n"},
	{"check",
	 "usage: annals check [--source DIR] [--json] [--strict]\n"
	 "Lints the content of DIR (default .) without building: front matter errors,\n"
	 "articles without a date, duplicate slugs, broken links between articles,\n"
	 "dates the tagger could not put on the calendar or that do not exist, and\n"
	 "single-source claims that contradict the other articles.\n"
	 "Prints \"file:line: severity: message [code]\" (or JSON with --json) and\n"
	 "exits 1 when there are errors (with --strict, warnings too), else 0.\n"},
	{"diff",
	 "usage: annals diff [--source DIR] REV1 REV2\n"
	 "Prints how the timeline changed between two git revisions, one line per\n"
	 "change (added, removed, redated, retitled, source-added, source-dropped).\n"},
	{"publish",
	 "usage: annals publish --branch NAME [--message MSG] [--source DIR] [--rev REV]\n"
	 "                      [--quiet]\n"
	 "Builds the site and commits it to branch NAME (e.g. gh-pages).  HEAD, the\n"
	 "index and the working files are not touched.\n"},
	{"tag",
	 "usage: annals tag --dct YYYY-MM-DD [--format json|timeml] [FILE|-]\n"
	 "Prints the date expressions found in FILE (default stdin), resolved against\n"
	 "the document date --dct.\n"
	 "json (default): {\"dct\":...,\"timexes\":[...]} with UTF-8 byte offsets\n"
	 "timeml: the text with inline <TIMEX3> elements in a TimeML document\n"},
	{"timeline",
	 "usage: annals timeline [--source DIR] [--rev REV] [--json]\n"
	 "Prints the timeline of the site's articles, or timeline.json with --json.\n"},
};

int an_cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return 1;
	return 0;
}

int an_cli_help(FILE *f, const char *cmd)
{
	for (size_t i = 0; i < sizeof helps / sizeof helps[0]; i++)
		if (strcmp(helps[i].name, cmd) == 0) {
			fputs(helps[i].text, f);
			fputs("See also: man annals\n", f);
			return 0;
		}
	return -1;
}

static int usage(const char *cmd, const char *fmt, const char *arg)
{
	fprintf(stderr, "annals: %s: ", cmd);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nrun 'annals %s --help' for usage\n", cmd);
	return EXIT_USAGE;
}

/* The value of option argv[*i] ("--opt VALUE" or "--opt=VALUE"), or NULL
 * when argv[*i] is not `name`.  Sets *missing when the value is absent. */
static const char *opt_value(int argc, char **argv, int *i, const char *name, int *missing)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc || !argv[*i + 1][0]) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

int an_cli_serve(int argc, char **argv, const char *argv0)
{
	an_serve_opts o = {".", NULL, NULL, NULL, 8080, stdout, stderr};
	for (int i = 1; i < argc; i++) {
		int missing = 0;
		const char *v;
		if ((v = opt_value(argc, argv, &i, "--source", &missing)) ||
		    (v = opt_value(argc, argv, &i, "-s", &missing))) {
			o.source = v;
		} else if ((v = opt_value(argc, argv, &i, "--theme", &missing))) {
			o.theme = v;
		} else if ((v = opt_value(argc, argv, &i, "--bind", &missing))) {
			o.bind = v;
		} else if ((v = opt_value(argc, argv, &i, "--port", &missing)) ||
		           (v = opt_value(argc, argv, &i, "-p", &missing))) {
			char *end;
			long port = strtol(v, &end, 10);
			if (!*v || *end || port < 0 || port > 65535)
				return usage("serve", "--port must be a number from 0 to 65535 (got '%s')", v);
			o.port = (unsigned)port;
		} else if (missing) {
			return usage("serve", "%s needs a value", argv[i]);
		} else {
			return usage("serve", "unknown option '%s'", argv[i]);
		}
	}
	an_error err = AN_ERROR_INIT;
	char data_dir[PATH_MAX];
	if (an_paths_data_dir(data_dir, argv0, &err) < 0) {
		an_error_print(&err, stderr);
		return EXIT_CONTENT;
	}
	o.data_dir = data_dir;
	if (an_serve(&o, &err) < 0) {
		an_error_print(&err, stderr);
		return EXIT_CONTENT;
	}
	return 0;
}

static an_date today_local(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	an_date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
	return d;
}

static int new_article(int argc, char **argv)
{
	const char *source = ".", *slug = NULL, *title = NULL, *date_s = NULL;
	for (int i = 2; i < argc; i++) {
		int missing = 0;
		const char *v;
		if ((v = opt_value(argc, argv, &i, "--source", &missing)) ||
		    (v = opt_value(argc, argv, &i, "-s", &missing)))
			source = v;
		else if ((v = opt_value(argc, argv, &i, "--slug", &missing)))
			slug = v;
		else if ((v = opt_value(argc, argv, &i, "--date", &missing)))
			date_s = v;
		else if (missing)
			return usage("new", "%s needs a value", argv[i]);
		else if (argv[i][0] == '-' && argv[i][1])
			return usage("new", "unknown option '%s'", argv[i]);
		else if (title)
			return usage("new", "one title only; quote it: annals new article \"%s ...\"",
			             title);
		else
			title = argv[i];
	}
	if (!title)
		return usage("new", "give the article a title: annals new article \"Title\"%s", "");
	an_date date = today_local();
	if (date_s && an_date_parse_iso(&date, date_s) < 0)
		return usage("new", "--date must be a date as YYYY-MM-DD (got '%s')", date_s);
	char path[PATH_MAX];
	an_error err = AN_ERROR_INIT;
	if (an_scaffold_article(path, sizeof path, source, title, slug, date, &err) < 0) {
		an_error_print(&err, stderr);
		return EXIT_CONTENT;
	}
	printf("%s\n", path);
	return 0;
}

int an_cli_new(int argc, char **argv)
{
	if (argc < 2)
		return usage("new", "say what to create: 'new site DIR' or 'new article \"Title\"'%s",
		             "");
	if (strcmp(argv[1], "article") == 0)
		return new_article(argc, argv);
	if (strcmp(argv[1], "site") != 0)
		return usage("new", "'%s' is not something annals creates: use 'site' or 'article'",
		             argv[1]);
	if (argc != 3 || (argv[2][0] == '-' && argv[2][1]))
		return usage("new", "give the folder of the new site: annals new site DIR%s", "");
	an_error err = AN_ERROR_INIT;
	if (an_scaffold_site(argv[2], today_local(), &err) < 0) {
		an_error_print(&err, stderr);
		return EXIT_CONTENT;
	}
	fprintf(stderr, "annals: created the site %s\n"
	                "next:\n"
	                "    cd %s\n"
	                "    annals serve         # preview at http://127.0.0.1:8080/\n"
	                "    annals new article \"Title\"\n",
	        argv[2], argv[2]);
	return 0;
}

int an_cli_check(int argc, char **argv)
{
	const char *source = ".";
	int json = 0, strict = 0;
	for (int i = 1; i < argc; i++) {
		int missing = 0;
		const char *v;
		if ((v = opt_value(argc, argv, &i, "--source", &missing)) ||
		    (v = opt_value(argc, argv, &i, "-s", &missing)))
			source = v;
		else if (missing)
			return usage("check", "%s needs a value", argv[i]);
		else if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--strict") == 0)
			strict = 1;
		else
			return usage("check", "unknown option '%s'", argv[i]);
	}
	an_lint_report r = AN_LINT_REPORT_INIT;
	an_lint_site(&r, source);
	an_buf out = AN_BUF_INIT;
	if (json)
		an_lint_json(&out, &r);
	else
		an_lint_text(&out, &r, an_term_color(stdout));
	fwrite(out.ptr ? out.ptr : "", 1, out.len, stdout);
	if (!json) {
		int c = an_term_color(stderr);
		fprintf(stderr, "annals: checked %zu article%s: %s%zu error%s%s, %zu warning%s\n",
		        r.articles, r.articles == 1 ? "" : "s",
		        an_term_sgr(c && r.errors, AN_TERM_RED AN_TERM_BOLD), r.errors,
		        r.errors == 1 ? "" : "s", an_term_sgr(c && r.errors, AN_TERM_RESET),
		        r.warnings, r.warnings == 1 ? "" : "s");
	}
	int rc = r.errors || (strict && r.warnings) ? EXIT_CONTENT : 0;
	an_buf_free(&out);
	an_lint_report_free(&r);
	return rc;
}
