/* check_acache.c - analyses reused between loads: only for the same text
 * and date, and giving the same timeline as a fresh analysis.  On disk:
 * what comes back is what an_analyse gives, and a file that is stale,
 * truncated, corrupted or forged adds nothing and never crashes. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acache.h"
#include "buf.h"
#include "export.h"
#include "site.h"
#include "write.h"

static void parse(an_article *a, const char *date, const char *body)
{
	char text[1024];
	snprintf(text, sizeof text, "---\ntitle: T\ndate: %s\n---\n\n%s\n", date, body);
	an_source src = {(char *)"content/t.md", text, strlen(text)};
	an_error err = AN_ERROR_INIT;
	ck_assert_int_eq(an_article_parse(a, &src, &err), 0);
}

START_TEST(same_text_same_date_only)
{
	an_acache *c = an_acache_new();
	an_article a, same, other_date, other_text;
	parse(&a, "2025-11-11", "The talks failed on Tuesday.");
	parse(&same, "2025-11-11", "The talks failed on Tuesday.");
	parse(&other_date, "2025-11-18", "The talks failed on Tuesday.");
	parse(&other_text, "2025-11-11", "The talks failed on Monday.");
	an_analysis an, got;
	an_analyse(&an, &a);
	ck_assert_int_eq(an.timexes.len, 1);
	an_acache_give(c, &an, &a);
	ck_assert_int_eq(an.timexes.len, 0); /* moved out */
	/* "on Tuesday" means another day a week later: no reuse */
	ck_assert_int_eq(an_acache_take(c, &got, &other_date), 0);
	ck_assert_int_eq(an_acache_take(c, &got, &other_text), 0);
	ck_assert_int_eq(an_acache_take(c, &got, &same), 1);
	ck_assert_str_eq(got.timexes.items[0].value, "2025-11-11");
	/* taken once: the entry is gone */
	an_analysis again;
	ck_assert_int_eq(an_acache_take(c, &again, &same), 0);
	an_analysis_free(&got);
	an_acache_free(c);
	an_article_free(&a);
	an_article_free(&same);
	an_article_free(&other_date);
	an_article_free(&other_text);
}
END_TEST

START_TEST(trim_keeps_what_the_last_load_used)
{
	an_acache *c = an_acache_new();
	an_article a, b;
	parse(&a, "2025-11-11", "First text.");
	parse(&b, "2025-11-11", "Second text.");
	an_analysis x, y;
	an_analyse(&x, &a);
	an_analyse(&y, &b);
	an_acache_give(c, &x, &a);
	an_acache_give(c, &y, &b);
	an_acache_trim(c); /* both were given since: both stay */
	ck_assert_int_eq(an_acache_size(c), 2);
	an_analysis got;
	ck_assert_int_eq(an_acache_take(c, &got, &a), 1);
	an_acache_give(c, &got, &a);
	an_acache_trim(c); /* only a was used since the last trim */
	ck_assert_int_eq(an_acache_size(c), 1);
	ck_assert_int_eq(an_acache_take(c, &got, &b), 0);
	an_acache_free(c);
	an_article_free(&a);
	an_article_free(&b);
}
END_TEST

static void timeline_json(an_buf *out, an_acache *cache)
{
	an_site site;
	an_error err = AN_ERROR_INIT;
	an_site_input in;
	memset(&in, 0, sizeof in);
	in.cache = cache;
	ck_assert_msg(an_site_load_input(&site, "..", &in, &err) == 0, "%s", err.msg);
	an_export_timeline_json(out, &site);
	an_site_give_analyses(&site, cache);
	an_acache_trim(cache);
	an_site_free(&site);
}

START_TEST(reused_analyses_give_the_same_timeline)
{
	an_acache *c = an_acache_new();
	an_buf fresh = AN_BUF_INIT, reused = AN_BUF_INIT;
	timeline_json(&fresh, c);
	ck_assert_int_eq(an_acache_hits(c), 0);
	timeline_json(&reused, c);
	ck_assert_int_eq(an_acache_hits(c), 5); /* the five sample articles */
	ck_assert_str_eq(fresh.ptr, reused.ptr);
	an_buf_free(&fresh);
	an_buf_free(&reused);
	an_acache_free(c);
}
END_TEST


/* --- on disk ------------------------------------------------------------ */

/* The header's words, as acache.c lays them out. */
#define HEADER_BYTES (14 * 8)
#define W_VERSION 1
#define W_FINGERPRINT 2
#define W_N_ENTRIES 11
#define W_PAYLOAD_LEN 12
#define W_CHECKSUM 13

static char tmp_root[64];

static void make_tmp(void)
{
	snprintf(tmp_root, sizeof tmp_root, "/tmp/annals-acache-XXXXXX");
	ck_assert_msg(mkdtemp(tmp_root) != NULL, "mkdtemp: %s", strerror(errno));
}

static void remove_tmp(void)
{
	an_remove_tree(tmp_root);
}

/* tmp_root/rel, in a static buffer per call site's needs */
static const char *tmp_path(char *out, size_t size, const char *rel)
{
	snprintf(out, size, "%s/%s", tmp_root, rel);
	return out;
}

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	long n = ftell(f);
	ck_assert_int_ge(n, 0);
	rewind(f);
	unsigned char *data = malloc((size_t)n + 1);
	ck_assert_uint_eq(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return data;
}

static void spit(const char *path, const unsigned char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

static uint64_t word(const unsigned char *data, size_t i)
{
	uint64_t v;
	memcpy(&v, data + 8 * i, 8);
	return v;
}

static void set_word(unsigned char *data, size_t i, uint64_t v)
{
	memcpy(data + 8 * i, &v, 8);
}

/* Makes the checksum match the payload again, so that what was changed
 * reaches the validation behind it. */
static void forge_checksum(unsigned char *data, size_t len)
{
	set_word(data, W_CHECKSUM, an_acache_hash(data + HEADER_BYTES, len - HEADER_BYTES));
}

/* Loads `data` from a file into a fresh cache; returns the entries added,
 * after taking none and freeing them all (ASan sees every byte). */
static size_t load_bytes(const unsigned char *data, size_t len)
{
	char path[128];
	tmp_path(path, sizeof path, "probe.bin");
	spit(path, data, len);
	an_acache *c = an_acache_new();
	ck_assert_int_eq(an_acache_load(c, path), 0);
	size_t n = an_acache_size(c);
	ck_assert_uint_eq(an_acache_hits(c), 0);
	an_acache_free(c);
	return n;
}

static void assert_same_analysis(const an_analysis *x, const an_analysis *y, size_t doc)
{
	ck_assert_uint_eq(x->sentences.len, y->sentences.len);
	for (size_t i = 0; i < x->sentences.len; i++) {
		ck_assert_uint_eq(x->sentences.items[i].start, y->sentences.items[i].start);
		ck_assert_uint_eq(x->sentences.items[i].end, y->sentences.items[i].end);
		ck_assert_uint_eq(x->sentence_para[i], y->sentence_para[i]);
		const an_vec *a = &x->terms[i], *b = &y->terms[i];
		ck_assert_msg(a->len == b->len, "doc %zu sentence %zu: %zu terms, not %zu", doc, i,
		              a->len, b->len);
		for (size_t k = 0; k < a->len; k++) {
			ck_assert(a->items[k].id == b->items[k].id);
			ck_assert(a->items[k].w == b->items[k].w);
		}
	}
	ck_assert_uint_eq(x->timexes.len, y->timexes.len);
	for (size_t i = 0; i < x->timexes.len; i++) {
		const an_timex *a = &x->timexes.items[i], *b = &y->timexes.items[i];
		ck_assert_uint_eq(a->start, b->start);
		ck_assert_uint_eq(a->end, b->end);
		ck_assert_int_eq(a->type, b->type);
		ck_assert_str_eq(a->value, b->value);
		ck_assert_str_eq(a->mod, b->mod);
		ck_assert_uint_eq(x->timex_sentence[i], y->timex_sentence[i]);
	}
	ck_assert_uint_eq(x->names.len, y->names.len);
	for (size_t i = 0; i < x->names.len; i++) {
		const an_name *a = &x->names.items[i], *b = &y->names.items[i];
		ck_assert_uint_eq(a->sentence, b->sentence);
		ck_assert_uint_eq(a->start, b->start);
		ck_assert_uint_eq(a->end, b->end);
		ck_assert_uint_eq(a->name_start, b->name_start);
		ck_assert_int_eq(a->hint, b->hint);
		ck_assert_int_eq(a->opens_sentence, b->opens_sentence);
	}
}

/* The cache files at a and b are the same bytes, with the sample's five
 * entries. */
static void assert_same_file_of_five(const char *a, const char *b)
{
	size_t len1, len2;
	unsigned char *d1 = slurp(a, &len1), *d2 = slurp(b, &len2);
	ck_assert_uint_eq(len1, len2);
	ck_assert(memcmp(d1, d2, len1) == 0);
	ck_assert_uint_eq(word(d1, W_N_ENTRIES), 5);
	free(d1);
	free(d2);
}

START_TEST(round_trip_gives_what_an_analyse_gives)
{
	an_site site;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_site_load(&site, "..", &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(site.n_articles, 5);
	an_acache *c = an_acache_new();
	an_site_give_analyses(&site, c);
	char path[128], again[128];
	tmp_path(path, sizeof path, "analyses.bin");
	tmp_path(again, sizeof again, "again.bin");
	ck_assert_msg(an_acache_save(c, path, &err) == 0, "%s", err.msg);
	/* the file depends on the analyses only, not on stale bytes in memory */
	ck_assert_msg(an_acache_save(c, again, &err) == 0, "%s", err.msg);
	assert_same_file_of_five(path, again);
	an_acache_free(c);

	an_acache *fresh = an_acache_new();
	ck_assert_int_eq(an_acache_load(fresh, path), 0);
	ck_assert_uint_eq(an_acache_size(fresh), 5);
	ck_assert_uint_eq(an_acache_hits(fresh), 0);
	size_t timexes = 0, names = 0, terms = 0;
	for (size_t i = 0; i < site.n_articles; i++) {
		an_analysis got, want;
		ck_assert_int_eq(an_acache_take(fresh, &got, &site.articles[i]), 1);
		an_analyse(&want, &site.articles[i]);
		assert_same_analysis(&got, &want, i);
		timexes += want.timexes.len;
		names += want.names.len;
		for (size_t k = 0; k < want.sentences.len; k++)
			terms += want.terms[k].len;
		an_analysis_free(&got);
		an_analysis_free(&want);
	}
	/* the comparison compared something */
	ck_assert_uint_gt(timexes, 10);
	ck_assert_uint_gt(names, 10);
	ck_assert_uint_gt(terms, 100);
	ck_assert_uint_eq(an_acache_hits(fresh), 5);
	an_acache_free(fresh);
	an_site_free(&site);
}
END_TEST

/* The build saves from the site's own arrays, beside the timeline: the
 * file must be the one a cache holding the same analyses writes. */
START_TEST(saving_the_analyses_writes_what_a_cache_writes)
{
	an_site site;
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_site_load(&site, "..", &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(site.n_articles, 5);
	char path[128], from_cache[128];
	tmp_path(path, sizeof path, "from-arrays.bin");
	tmp_path(from_cache, sizeof from_cache, "from-cache.bin");
	ck_assert_msg(an_acache_save_analyses(site.articles, site.analyses, site.n_articles, path,
	                                      &err) == 0, "%s", err.msg);
	/* the arrays are only read: the analyses are still the site's */
	ck_assert_uint_gt(site.analyses[0].timexes.len, 0);
	an_acache *c = an_acache_new();
	an_site_give_analyses(&site, c);
	ck_assert_msg(an_acache_save(c, from_cache, &err) == 0, "%s", err.msg);
	assert_same_file_of_five(path, from_cache);
	an_acache_free(c);
	an_site_free(&site);
}
END_TEST

/* The site load's `analysed` task: once, with every analysis made, and
 * over before the load returns. */
typedef struct {
	int calls;
	size_t n_articles, timexes;
} analysed_seen;

static void count_analysed(const an_site *site, void *payload)
{
	analysed_seen *seen = payload;
	seen->calls++;
	seen->n_articles = site->n_articles;
	for (size_t i = 0; i < site->n_articles; i++)
		seen->timexes += site->analyses[i].timexes.len;
}

START_TEST(the_analysed_task_runs_once_before_the_load_returns)
{
	an_site site;
	an_error err = AN_ERROR_INIT;
	analysed_seen seen = {0, 0, 0};
	an_site_input in = {0};
	in.analysed = count_analysed;
	in.analysed_payload = &seen;
	ck_assert_msg(an_site_load_input(&site, "..", &in, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(seen.calls, 1);
	ck_assert_uint_eq(seen.n_articles, 5);
	size_t timexes = 0;
	for (size_t i = 0; i < site.n_articles; i++)
		timexes += site.analyses[i].timexes.len;
	ck_assert_uint_gt(timexes, 10);
	ck_assert_uint_eq(seen.timexes, timexes);
	an_site_free(&site);
}
END_TEST

/* What a second process sees: the sample site loaded through a cache read
 * from disk reuses all five analyses and gives the same timeline. */
START_TEST(a_loaded_cache_gives_the_same_timeline)
{
	char path[128];
	tmp_path(path, sizeof path, "analyses.bin");
	an_acache *c = an_acache_new();
	an_buf fresh = AN_BUF_INIT, reused = AN_BUF_INIT;
	timeline_json(&fresh, c);
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_acache_save(c, path, &err) == 0, "%s", err.msg);
	an_acache_free(c);
	c = an_acache_new();
	ck_assert_int_eq(an_acache_load(c, path), 0);
	timeline_json(&reused, c);
	ck_assert_uint_eq(an_acache_hits(c), 5);
	ck_assert_str_eq(fresh.ptr, reused.ptr);
	an_buf_free(&fresh);
	an_buf_free(&reused);
	an_acache_free(c);
}
END_TEST

/* Two short articles given to a cache saved at tmp_root/name. */
static void save_two(const char *name)
{
	an_article a, b;
	parse(&a, "2025-11-11", "The talks failed on Tuesday. Volker Türk spoke in Geneva.");
	parse(&b, "2025-11-12", "On 3 March the UK suspended intelligence sharing.");
	an_acache *c = an_acache_new();
	an_analysis x, y;
	an_analyse(&x, &a);
	an_analyse(&y, &b);
	an_acache_give(c, &x, &a);
	an_acache_give(c, &y, &b);
	char path[128];
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_acache_save(c, tmp_path(path, sizeof path, name), &err) == 0, "%s",
	              err.msg);
	an_acache_free(c);
	an_article_free(&a);
	an_article_free(&b);
}

/* Weights are written as one byte when they are half-integers, whole
 * otherwise; both come back to the bit, and terms shared between entries
 * share the file's term table. */
START_TEST(every_weight_comes_back)
{
	an_article a, b;
	parse(&a, "2025-11-11", "The ministers' talks failed on Tuesday in Geneva after hours of "
	      "argument over sanctions, tariffs, shipping and fishing quotas. The talks resumed.");
	parse(&b, "2025-11-12", "The talks in Geneva failed again on Wednesday.");
	an_analysis x, y;
	an_analyse(&x, &a);
	an_analyse(&y, &b);
	const double odd[] = {0.3, 1000.0, 127.5, 0.5, 128.0, 1e-9, 3.25};
	size_t n_odd = sizeof odd / sizeof *odd, set = 0;
	for (size_t i = 0; i < x.sentences.len; i++)
		for (size_t k = 0; k < x.terms[i].len; k++, set++)
			x.terms[i].items[k].w = odd[set % n_odd];
	ck_assert_uint_gt(set, n_odd);
	an_analysis want_x, want_y;
	an_analyse(&want_x, &a);
	an_analyse(&want_y, &b);
	for (size_t i = 0, n = 0; i < want_x.sentences.len; i++)
		for (size_t k = 0; k < want_x.terms[i].len; k++, n++)
			want_x.terms[i].items[k].w = odd[n % n_odd];
	an_acache *c = an_acache_new();
	an_acache_give(c, &x, &a);
	an_acache_give(c, &y, &b);
	char path[128];
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_acache_save(c, tmp_path(path, sizeof path, "w.bin"), &err) == 0, "%s",
	              err.msg);
	an_acache_free(c);
	an_acache *fresh = an_acache_new();
	ck_assert_int_eq(an_acache_load(fresh, path), 0);
	ck_assert_uint_eq(an_acache_size(fresh), 2);
	an_analysis got;
	ck_assert_int_eq(an_acache_take(fresh, &got, &a), 1);
	assert_same_analysis(&got, &want_x, 0);
	an_analysis_free(&got);
	ck_assert_int_eq(an_acache_take(fresh, &got, &b), 1);
	assert_same_analysis(&got, &want_y, 1);
	an_analysis_free(&got);
	an_analysis_free(&want_x);
	an_analysis_free(&want_y);
	an_acache_free(fresh);
	an_article_free(&a);
	an_article_free(&b);
}
END_TEST

/* A term's place beyond the term table, or a table longer than the file,
 * loads nothing. */
START_TEST(a_bad_term_table_loads_nothing)
{
	char path[128];
	save_two("two.bin");
	size_t len;
	unsigned char *data = slurp(tmp_path(path, sizeof path, "two.bin"), &len);
	unsigned char *copy = malloc(len);
	uint64_t n_terms;
	memcpy(&n_terms, data + len - 8, 8);
	ck_assert_uint_gt(n_terms, 5);
	ck_assert_uint_lt(n_terms, 100);
	const uint64_t lies[] = {n_terms - 1, n_terms + 1, (uint64_t)1 << 60, UINT64_MAX, 0};
	for (size_t l = 0; l < sizeof lies / sizeof *lies; l++) {
		memcpy(copy, data, len);
		memcpy(copy + len - 8, &lies[l], 8);
		forge_checksum(copy, len);
		ck_assert_msg(load_bytes(copy, len) == 0, "a term table of %llu loaded",
		              (unsigned long long)lies[l]);
	}
	free(copy);
	free(data);
}
END_TEST

START_TEST(changed_text_or_date_misses_after_load)
{
	char path[128];
	tmp_path(path, sizeof path, "two.bin");
	save_two("two.bin");
	an_article same, other_date, other_text;
	parse(&same, "2025-11-11", "The talks failed on Tuesday. Volker Türk spoke in Geneva.");
	parse(&other_date, "2025-11-18", "The talks failed on Tuesday. Volker Türk spoke in Geneva.");
	parse(&other_text, "2025-11-11", "The talks failed on Monday. Volker Türk spoke in Geneva.");
	an_acache *c = an_acache_new();
	ck_assert_int_eq(an_acache_load(c, path), 0);
	ck_assert_uint_eq(an_acache_size(c), 2);
	an_analysis got;
	ck_assert_int_eq(an_acache_take(c, &got, &other_date), 0);
	ck_assert_int_eq(an_acache_take(c, &got, &other_text), 0);
	ck_assert_int_eq(an_acache_take(c, &got, &same), 1);
	ck_assert_str_eq(got.timexes.items[0].value, "2025-11-11");
	an_acache_give(c, &got, &same);
	/* loaded entries are unused: a trim drops the one no load took */
	an_acache_trim(c);
	ck_assert_uint_eq(an_acache_size(c), 1);
	/* loading again does not duplicate what the cache holds */
	ck_assert_int_eq(an_acache_load(c, path), 0);
	ck_assert_uint_eq(an_acache_size(c), 2);
	an_acache_free(c);
	an_article_free(&same);
	an_article_free(&other_date);
	an_article_free(&other_text);
}
END_TEST

START_TEST(missing_file_is_an_empty_cache)
{
	char path[128];
	an_acache *c = an_acache_new();
	ck_assert_int_eq(an_acache_load(c, tmp_path(path, sizeof path, "none.bin")), 0);
	ck_assert_uint_eq(an_acache_size(c), 0);
	/* a folder where the file should be is worth a warning */
	ck_assert_int_eq(an_acache_load(c, tmp_root), -1);
	ck_assert_int_eq(errno, EISDIR);
	ck_assert_uint_eq(an_acache_size(c), 0);
	an_acache_free(c);
}
END_TEST

/* Another binary, format or struct layout: ignored whole. */
START_TEST(another_binary_or_format_is_ignored)
{
	char path[128];
	save_two("two.bin");
	size_t len;
	unsigned char *data = slurp(tmp_path(path, sizeof path, "two.bin"), &len);
	ck_assert_uint_eq(load_bytes(data, len), 2); /* the control */
	for (size_t w = 0; w <= W_CHECKSUM; w++) {
		if (w == W_N_ENTRIES || w == W_PAYLOAD_LEN || w == W_CHECKSUM)
			continue; /* counts: below */
		unsigned char *copy = malloc(len);
		memcpy(copy, data, len);
		set_word(copy, w, word(copy, w) ^ 1);
		ck_assert_msg(load_bytes(copy, len) == 0, "header word %zu changed, still loaded", w);
		free(copy);
	}
	unsigned char *copy = malloc(len);
	memcpy(copy, data, len);
	set_word(copy, W_VERSION, word(copy, W_VERSION) + 1);
	ck_assert_uint_eq(load_bytes(copy, len), 0);
	memcpy(copy, data, len);
	set_word(copy, W_FINGERPRINT, 0);
	ck_assert_uint_eq(load_bytes(copy, len), 0);
	free(copy);
	free(data);
}
END_TEST

START_TEST(truncated_files_load_nothing)
{
	char path[128];
	save_two("two.bin");
	size_t len;
	unsigned char *data = slurp(tmp_path(path, sizeof path, "two.bin"), &len);
	ck_assert_uint_gt(len, HEADER_BYTES + 200);
	for (size_t n = 0; n < len; n++)
		ck_assert_msg(load_bytes(data, n) == 0, "%zu of %zu bytes loaded", n, len);
	ck_assert_uint_eq(load_bytes(data, len), 2);
	/* the same cuts with a header that agrees with them: the parser runs
	 * out of bytes at every point of every entry */
	unsigned char *copy = malloc(len);
	for (size_t n = HEADER_BYTES; n < len; n++) {
		memcpy(copy, data, n);
		set_word(copy, W_PAYLOAD_LEN, n - HEADER_BYTES);
		forge_checksum(copy, n);
		ck_assert_msg(load_bytes(copy, n) == 0, "forged cut at %zu of %zu loaded", n, len);
	}
	free(copy);
	free(data);
}
END_TEST

START_TEST(flipped_bytes_never_crash)
{
	char path[128];
	save_two("two.bin");
	size_t len;
	unsigned char *data = slurp(tmp_path(path, sizeof path, "two.bin"), &len);
	unsigned char *copy = malloc(len);
	uint64_t seed = 0x2545F4914F6CDD1DULL;
	size_t loaded = 0, rounds = 4000;
	for (size_t round = 0; round < rounds; round++) {
		memcpy(copy, data, len);
		size_t flips = 1 + round % 4;
		for (size_t k = 0; k < flips; k++) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			size_t at = (size_t)(seed >> 33) % len;
			unsigned char bit = (unsigned char)(1u << ((seed >> 20) % 8));
			/* half the rounds in the payload's counts and offsets, where
			 * the validation matters */
			if (round % 2)
				at = HEADER_BYTES + at % (len - HEADER_BYTES);
			copy[at] ^= bit;
		}
		if (round % 2)
			forge_checksum(copy, len);
		size_t n = load_bytes(copy, len);
		ck_assert_msg(n == 0 || n == 2, "round %zu: %zu entries", round, n);
		loaded += n != 0;
		/* without a forged checksum nothing changed gets through */
		if (round % 2 == 0)
			ck_assert_msg(n == 0 || memcmp(copy + HEADER_BYTES, data + HEADER_BYTES,
			                               len - HEADER_BYTES) == 0,
			              "round %zu: a corrupted payload loaded", round);
	}
	/* some forged flips (a weight, a hash) are valid data: both outcomes
	 * were exercised */
	ck_assert_uint_gt(loaded, 0);
	ck_assert_uint_lt(loaded, rounds / 2);
	free(copy);
	free(data);
}
END_TEST

/* Counts that claim 2^60 items, with a checksum that agrees: nothing is
 * allocated for them (ASan and an_xcalloc would abort) and nothing loads. */
START_TEST(lying_counts_allocate_nothing)
{
	char path[128];
	save_two("two.bin");
	size_t len;
	unsigned char *data = slurp(tmp_path(path, sizeof path, "two.bin"), &len);
	unsigned char *copy = malloc(len);
	const uint64_t lies[] = {(uint64_t)1 << 60, UINT64_MAX, (uint64_t)1 << 32};
	/* payload words of the first entry: h1 h2 len date n_sentences
	 * n_timexes n_names */
	size_t e = HEADER_BYTES / 8;
	uint64_t n_sent = word(data, e + 4), n_tim = word(data, e + 5);
	ck_assert_uint_gt(n_sent, 0);
	ck_assert_uint_gt(n_tim, 0);
	/* the first sentence's term count: after the sentences, sentence_para,
	 * the timexes (3 words and 48 bytes each) and timex_sentence */
	size_t first_terms = e + 7 + 3 * n_sent + n_tim * (3 + 48 / 8) + n_tim;
	ck_assert_uint_gt(word(data, first_terms), 0);
	ck_assert_uint_lt(word(data, first_terms), 100);
	for (size_t l = 0; l < sizeof lies / sizeof *lies; l++) {
		size_t at[] = {e + 4, e + 5, e + 6, first_terms};
		for (size_t k = 0; k < sizeof at / sizeof *at; k++) {
			memcpy(copy, data, len);
			set_word(copy, at[k], lies[l]);
			forge_checksum(copy, len);
			ck_assert_msg(load_bytes(copy, len) == 0, "word %zu = %llu loaded", at[k],
			              (unsigned long long)lies[l]);
		}
		memcpy(copy, data, len);
		set_word(copy, W_N_ENTRIES, lies[l]);
		ck_assert_uint_eq(load_bytes(copy, len), 0);
		memcpy(copy, data, len);
		set_word(copy, W_PAYLOAD_LEN, lies[l]);
		ck_assert_uint_eq(load_bytes(copy, len), 0);
	}
	/* an offset past the text: valid-looking, and refused */
	memcpy(copy, data, len);
	set_word(copy, e + 7 + 1, word(data, e + 2) + 1); /* first sentence's end */
	forge_checksum(copy, len);
	ck_assert_uint_eq(load_bytes(copy, len), 0);
	free(copy);
	free(data);
}
END_TEST

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	ck_assert_msg(d != NULL, "%s: %s", dir, strerror(errno));
	int n = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
	closedir(d);
	return n;
}

START_TEST(save_creates_its_folder_and_leaves_no_temporary)
{
	char path[128], dir[128];
	save_two("a/b/c/analyses.bin");
	tmp_path(dir, sizeof dir, "a/b/c");
	ck_assert_int_eq(count_entries(dir), 1); /* the rename took the temporary */
	an_acache *c = an_acache_new();
	ck_assert_int_eq(an_acache_load(c, tmp_path(path, sizeof path, "a/b/c/analyses.bin")), 0);
	ck_assert_uint_eq(an_acache_size(c), 2);
	an_acache_free(c);
	/* an empty cache is a valid, empty file */
	an_error err = AN_ERROR_INIT;
	c = an_acache_new();
	ck_assert_int_eq(an_acache_save(c, path, &err), 0);
	ck_assert_int_eq(an_acache_load(c, path), 0);
	ck_assert_uint_eq(an_acache_size(c), 0);
	an_acache_free(c);
}
END_TEST

START_TEST(save_to_an_unwritable_place_says_so)
{
	char file[128], path[128];
	spit(tmp_path(file, sizeof file, "plain"), (const unsigned char *)"x", 1);
	an_acache *c = an_acache_new();
	an_error err = AN_ERROR_INIT;
	/* a file where a folder should be: fails even for root */
	ck_assert_int_eq(an_acache_save(c, tmp_path(path, sizeof path, "plain/sub/a.bin"), &err),
	                 -1);
	ck_assert_msg(strstr(err.msg, "cannot create the analysis cache's folder") != NULL, "%s",
	              err.msg);
	char sub[160];
	snprintf(sub, sizeof sub, "%s/sub", file);
	ck_assert_str_eq(err.file, sub);
	ck_assert_int_eq(err.line, 0);
	/* a folder where the file should be: the rename fails, the temporary
	 * goes */
	err = (an_error)AN_ERROR_INIT;
	char dir[128];
	ck_assert_int_eq(mkdir(tmp_path(dir, sizeof dir, "d"), 0755), 0);
	ck_assert_int_eq(mkdir(tmp_path(path, sizeof path, "d/a.bin"), 0755), 0);
	ck_assert_int_eq(an_acache_save(c, path, &err), -1);
	ck_assert_msg(strstr(err.msg, "cannot write the analysis cache") != NULL, "%s", err.msg);
	ck_assert_str_eq(err.file, path);
	ck_assert_int_eq(count_entries(dir), 1);
	an_acache_free(c);
}
END_TEST

Suite *an_test_acache_suite(void);
Suite *an_test_acache_suite(void)
{
	Suite *s = suite_create("acache");
	TCase *tc = tcase_create("reuse");
	tcase_add_test(tc, same_text_same_date_only);
	tcase_add_test(tc, trim_keeps_what_the_last_load_used);
	tcase_add_test(tc, reused_analyses_give_the_same_timeline);
	tcase_add_test(tc, saving_the_analyses_writes_what_a_cache_writes);
	tcase_add_test(tc, the_analysed_task_runs_once_before_the_load_returns);
	suite_add_tcase(s, tc);
	TCase *disk = tcase_create("disk");
	tcase_add_checked_fixture(disk, make_tmp, remove_tmp);
	tcase_add_test(disk, round_trip_gives_what_an_analyse_gives);
	tcase_add_test(disk, a_loaded_cache_gives_the_same_timeline);
	tcase_add_test(disk, changed_text_or_date_misses_after_load);
	tcase_add_test(disk, missing_file_is_an_empty_cache);
	tcase_add_test(disk, another_binary_or_format_is_ignored);
	tcase_add_test(disk, truncated_files_load_nothing);
	tcase_add_test(disk, flipped_bytes_never_crash);
	tcase_add_test(disk, lying_counts_allocate_nothing);
	tcase_add_test(disk, every_weight_comes_back);
	tcase_add_test(disk, a_bad_term_table_loads_nothing);
	tcase_add_test(disk, save_creates_its_folder_and_leaves_no_temporary);
	tcase_add_test(disk, save_to_an_unwritable_place_says_so);
	suite_add_tcase(s, disk);
	return s;
}
