/* scaffold.c - new sites and articles (see scaffold.h). */
#include "scaffold.h"
#include "alloc.h"
#include "buf.h"
#include "terms.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"};

/* Creates PATH with `data`, failing if it exists (O_EXCL: never clobbers). */
static int write_new(const char *path, const char *data, an_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return an_error_set(err, path, 0, "cannot create this file: %s%s", strerror(errno),
		                    errno == EEXIST ? " (annals never overwrites it)" : "");
	size_t len = strlen(data), done = 0;
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(fd);
			return an_error_set(err, path, 0, "cannot write: %s", strerror(e));
		}
		done += (size_t)n;
	}
	if (close(fd) < 0)
		return an_error_set(err, path, 0, "cannot write: %s", strerror(errno));
	return 0;
}

static int make_dir(const char *path, an_error *err)
{
	if (mkdir(path, 0755) < 0 && errno != EEXIST)
		return an_error_set(err, path, 0, "cannot create this folder: %s", strerror(errno));
	return 0;
}

/* 1 when PATH is a folder with nothing in it. */
static int empty_dir(const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return 0;
	struct dirent *de;
	int empty = 1;
	while (empty && (de = readdir(d)) != NULL)
		empty = strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0;
	closedir(d);
	return empty;
}

static void put_yaml_string(an_buf *b, const char *s)
{
	an_buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			an_buf_putc(b, '\\');
		an_buf_putc(b, (unsigned char)*s < 0x20 ? ' ' : *s);
	}
	an_buf_putc(b, '"');
}

static void put_day(an_buf *b, an_date d)
{
	an_buf_printf(b, "%d %s %d", d.d, month_names[d.m - 1], d.y);
}

static const char site_config[] =
	"# annals.yaml - the site's settings (all optional).\n"
	"title: \"My timeline\"\n"
	"description: \"What happened, and when, from the articles in content/.\"\n"
	"language: en\n"
	"# Feeds and the sitemap need absolute URLs: set this when you publish.\n"
	"# base_url: \"https://example.org/my-timeline\"\n"
	"# The theme: themes/NAME in this folder first, then the installed themes.\n"
	"theme: default\n";

static const char themes_readme[] =
	"# Themes\n"
	"\n"
	"A theme in `themes/NAME/` here overrides the installed theme of the same\n"
	"name, so the quickest way to change the look of the site is to copy the\n"
	"default theme here and edit it:\n"
	"\n"
	"    cp -R /usr/local/share/annals/themes/default themes/mine\n"
	"\n"
	"(the installed themes are under PREFIX/share/annals/themes), then set\n"
	"`theme: mine` in annals.yaml.  `annals serve` rebuilds when a theme file\n"
	"changes.  See docs/themes.md in annals' sources for what a theme gets.\n";

int an_scaffold_site(const char *dir, an_date today, an_error *err)
{
	struct stat st;
	if (stat(dir, &st) == 0 && !(S_ISDIR(st.st_mode) && empty_dir(dir)))
		return an_error_set(err, dir, 0, "already exists and is not an empty folder; "
		                    "choose a new folder for the site");
	char path[PATH_MAX];
	an_buf text = AN_BUF_INIT;
	int rc;
	if ((rc = make_dir(dir, err)) < 0)
		goto done;
	snprintf(path, sizeof path, "%s/content", dir);
	if ((rc = make_dir(path, err)) < 0)
		goto done;
	snprintf(path, sizeof path, "%s/themes", dir);
	if ((rc = make_dir(path, err)) < 0)
		goto done;
	snprintf(path, sizeof path, "%s/annals.yaml", dir);
	if ((rc = write_new(path, site_config, err)) < 0)
		goto done;
	snprintf(path, sizeof path, "%s/themes/README.md", dir);
	if ((rc = write_new(path, themes_readme, err)) < 0)
		goto done;

	/* An example that gives the timeline something to show: two dated
	 * events, one written as a date and one relative to publication. */
	an_date first = {today.y, 1, 1};
	an_buf_printf(&text, "---\ntitle: \"Welcome to your timeline\"\n"
	                     "date: %04d-%02d-%02d  # the publication date: \"yesterday\" "
	                     "counts from it\n"
	                     "source: \"annals\"\nslug: welcome\n---\n\n",
	              today.y, today.m, today.d);
	an_buf_puts(&text, "This site was created with annals on ");
	put_day(&text, today);
	an_buf_puts(&text, ". Yesterday the writer decided to keep a timeline of the story.\n\n"
	                   "The story began on ");
	put_day(&text, first);
	an_buf_puts(&text, ", when the first report was published.\n\n"
	                   "Write one Markdown file per article in `content/`, with its "
	                   "publication date in the front matter: annals finds the dates in "
	                   "the text, resolves relative dates against it, and "
	                   "puts each event on the timeline with the articles that report it.\n\n"
	                   "- `annals new article \"Title\"` starts a new article.\n"
	                   "- `annals serve` previews the site and reloads it as you save.\n"
	                   "- `annals check` finds mistakes before you publish.\n"
	                   "- `annals build` writes the site into `public/`.\n");
	char name[64];
	snprintf(name, sizeof name, "%04d-%02d-%02d-welcome.md", today.y, today.m, today.d);
	snprintf(path, sizeof path, "%s/content/%s", dir, name);
	rc = write_new(path, text.ptr, err);
done:
	an_buf_free(&text);
	return rc;
}

void an_scaffold_slug(char *out, size_t size, const char *title)
{
	size_t len = strlen(title);
	char *folded = an_xmalloc(len + 1);
	size_t n = an_terms_fold_name(folded, title, len);
	size_t k = 0, max = size - 1 < 60 ? size - 1 : 60;
	for (size_t i = 0; i < n && k < max; i++) {
		char c = folded[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[k++] = c;
		else if (k > 0 && out[k - 1] != '-')
			out[k++] = '-';
	}
	/* cut a word in two only when the title is one long word */
	if (k == max && n > 0 && k < n && out[k - 1] != '-') {
		size_t cut = k;
		while (cut > 0 && out[cut - 1] != '-')
			cut--;
		if (cut > 0)
			k = cut;
	}
	while (k > 0 && out[k - 1] == '-')
		k--;
	out[k] = '\0';
	if (k == 0)
		snprintf(out, size, "article");
	free(folded);
}

/* The alphabet article.c accepts for an explicit 'slug:'. */
static int slug_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 200)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

int an_scaffold_article(char *out, size_t size, const char *root, const char *title,
                        const char *slug, an_date date, an_error *err)
{
	char made[64], content[PATH_MAX];
	struct stat st;
	if (!title || !*title)
		return an_error_set(err, "", 0, "give the article a title: annals new article \"Title\"");
	if (!slug) {
		an_scaffold_slug(made, sizeof made, title);
		slug = made;
	} else if (!slug_ok(slug)) {
		return an_error_set(err, "", 0, "the slug '%s' may hold only letters, digits, '-' "
		                    "and '_' (it becomes a file name and a URL)", slug);
	}
	if (strcmp(root, ".") == 0)
		snprintf(content, sizeof content, "content");
	else
		snprintf(content, sizeof content, "%s/content", root);
	if (stat(content, &st) < 0 || !S_ISDIR(st.st_mode))
		return an_error_set(err, root, 0, "no content/ folder here: is this an annals site? "
		                    "('annals new site DIR' makes one; --source DIR names it)");
	int n = snprintf(out, size, "%s/%04d-%02d-%02d-%s.md", content, date.y, date.m, date.d,
	                 slug);
	if (n < 0 || (size_t)n >= size)
		return an_error_set(err, content, 0, "the path of the new article is too long");
	an_buf text = AN_BUF_INIT;
	an_buf_puts(&text, "---\ntitle: ");
	put_yaml_string(&text, title);
	an_buf_printf(&text, "\ndate: %04d-%02d-%02d  # the publication date: relative dates "
	                     "(\"last week\") count from it\n"
	                     "source: \"unknown\"  # the outlet\n"
	                     "slug: %s\n---\n\n"
	                     "Write the article here: each date in the text puts what happened "
	                     "then on the timeline.\n",
	              date.y, date.m, date.d, slug);
	int rc = write_new(out, text.ptr, err);
	an_buf_free(&text);
	return rc;
}
