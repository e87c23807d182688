/* check_tlcache.c - the timeline on disk (timeline_cache.c): what comes
 * back is the timeline the build made, field by field; the key moves with
 * any document; a file of another key, truncated, corrupted, or forged
 * with an index out of range is not taken and never crashes. */
#include <check.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "acache.h"
#include "site.h"
#include "timeline.h"
#include "write.h"

#define HEADER_BYTES (7 * 8)
#define W_CHECKSUM 6

Suite *an_test_tlcache_suite(void);

static char tmp_root[64];
static char path[128];
static an_site site;

static void setup(void)
{
	snprintf(tmp_root, sizeof tmp_root, "/tmp/annals-tlcache-XXXXXX");
	ck_assert_msg(mkdtemp(tmp_root) != NULL, "mkdtemp: %s", strerror(errno));
	snprintf(path, sizeof path, "%s/timeline", tmp_root);
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_site_load(&site, "..", &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(site.n_articles, 5);
}

static void teardown(void)
{
	an_site_free(&site);
	an_remove_tree(tmp_root);
}

static unsigned char *slurp(size_t *len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	long n = ftell(f);
	ck_assert_int_ge(n, HEADER_BYTES);
	rewind(f);
	unsigned char *data = malloc((size_t)n);
	ck_assert_uint_eq(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return data;
}

static void spit(const unsigned char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	ck_assert(f != NULL);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	fclose(f);
}

static uint64_t save_site_timeline(void)
{
	uint64_t key = an_timeline_key(site.docs, site.n_articles);
	an_error err = AN_ERROR_INIT;
	ck_assert_msg(an_timeline_save(&site.timeline, key, site.n_articles, path, &err) == 0,
	              "%s", err.msg);
	return key;
}

static void assert_same_event(const an_event *got, const an_event *want)
{
	ck_assert_str_eq(got->id, want->id);
	ck_assert_str_eq(got->value, want->value);
	ck_assert_str_eq(got->mod, want->mod);
	ck_assert_int_eq(got->span.first, want->span.first);
	ck_assert_int_eq(got->span.last, want->span.last);
	ck_assert_int_eq(got->span.gran, want->span.gran);
	ck_assert_str_eq(got->title ? got->title : "(none)", want->title ? want->title : "(none)");
	ck_assert_str_eq(got->summary ? got->summary : "(none)",
	                 want->summary ? want->summary : "(none)");
	ck_assert_uint_eq(got->n_mentions, want->n_mentions);
	for (size_t i = 0; i < want->n_mentions; i++) {
		ck_assert_uint_eq(got->mentions[i].doc, want->mentions[i].doc);
		ck_assert_uint_eq(got->mentions[i].sentence, want->mentions[i].sentence);
		ck_assert_int_eq(got->mentions[i].timex, want->mentions[i].timex);
	}
	ck_assert_uint_eq(got->n_sources, want->n_sources);
	for (size_t i = 0; i < want->n_sources; i++)
		ck_assert_uint_eq(got->sources[i], want->sources[i]);
	/* what later stages set is theirs to set again */
	ck_assert_ptr_null(got->entities);
	ck_assert_ptr_null(got->notes);
	ck_assert_uint_eq(got->rank, 0);
}

START_TEST(a_saved_timeline_comes_back_as_built)
{
	uint64_t key = save_site_timeline();
	an_timeline got;
	ck_assert_int_eq(an_timeline_load(&got, key, site.docs, site.n_articles, path), 1);
	const an_timeline *want = &site.timeline;
	/* the comparison compares something: dated events and undated facts */
	ck_assert_uint_gt(want->n_events, 3);
	ck_assert_uint_gt(want->n_undated, 0);
	ck_assert_uint_eq(got.n_events, want->n_events);
	ck_assert_uint_eq(got.n_undated, want->n_undated);
	for (size_t i = 0; i < want->n_events; i++)
		assert_same_event(&got.events[i], &want->events[i]);
	for (size_t i = 0; i < want->n_undated; i++)
		assert_same_event(&got.undated[i], &want->undated[i]);
	/* the timex -> event lookup is made again, the same */
	size_t found = 0;
	for (size_t d = 0; d < site.n_articles; d++)
		for (size_t t = 0; t < site.analyses[d].timexes.len; t++) {
			const an_event *g = an_timeline_find(&got, d, (long)t);
			const an_event *w = an_timeline_find(want, d, (long)t);
			ck_assert_int_eq(g == NULL, w == NULL);
			if (w) {
				ck_assert_str_eq(g->id, w->id);
				found++;
			}
		}
	ck_assert_uint_gt(found, 5);
	an_timeline_free(&got);
}
END_TEST

START_TEST(the_key_follows_every_document)
{
	uint64_t key = an_timeline_key(site.docs, site.n_articles);
	ck_assert_uint_eq(an_timeline_key(site.docs, site.n_articles), key);
	an_doc docs[5];
	an_article copy;
	memcpy(docs, site.docs, sizeof docs);
	/* one article's text a byte shorter */
	copy = *docs[2].article;
	copy.text_len--;
	docs[2].article = &copy;
	ck_assert_uint_ne(an_timeline_key(docs, 5), key);
	/* its slug */
	memcpy(docs, site.docs, sizeof docs);
	copy = *docs[2].article;
	copy.slug = (char *)"another-slug";
	docs[2].article = &copy;
	ck_assert_uint_ne(an_timeline_key(docs, 5), key);
	/* its date */
	memcpy(docs, site.docs, sizeof docs);
	copy = *docs[2].article;
	copy.meta.date.d = copy.meta.date.d == 1 ? 2 : 1;
	docs[2].article = &copy;
	ck_assert_uint_ne(an_timeline_key(docs, 5), key);
	/* two documents swapped, one left out */
	memcpy(docs, site.docs, sizeof docs);
	docs[1] = site.docs[3];
	docs[3] = site.docs[1];
	ck_assert_uint_ne(an_timeline_key(docs, 5), key);
	ck_assert_uint_ne(an_timeline_key(site.docs, 4), key);
}
END_TEST

START_TEST(another_key_or_no_file_is_not_taken)
{
	an_timeline got;
	ck_assert_int_eq(an_timeline_load(&got, 1, site.docs, site.n_articles, path), 0);
	uint64_t key = save_site_timeline();
	ck_assert_int_eq(an_timeline_load(&got, key + 1, site.docs, site.n_articles, path), 0);
	ck_assert_uint_eq(got.n_events, 0);
	ck_assert_ptr_null(got.events);
	/* the same key over fewer documents */
	ck_assert_int_eq(an_timeline_load(&got, key, site.docs, site.n_articles - 1, path), 0);
}
END_TEST

START_TEST(truncated_or_flipped_files_are_not_taken)
{
	uint64_t key = save_site_timeline();
	size_t len;
	unsigned char *data = slurp(&len);
	an_timeline got;
	for (size_t cut = 0; cut < len; cut += 1 + cut / 8) {
		spit(data, cut);
		ck_assert_int_eq(an_timeline_load(&got, key, site.docs, site.n_articles, path), 0);
	}
	for (size_t at = 0; at < len; at += 7) {
		data[at] ^= 0x20;
		spit(data, len);
		ck_assert_int_eq(an_timeline_load(&got, key, site.docs, site.n_articles, path), 0);
		data[at] ^= 0x20;
	}
	spit(data, len);
	ck_assert_int_eq(an_timeline_load(&got, key, site.docs, site.n_articles, path), 1);
	an_timeline_free(&got);
	free(data);
}
END_TEST

/* A reader of the payload for the forgery below: skips a string. */
static size_t skip_str(const unsigned char *p, size_t at)
{
	uint64_t n;
	memcpy(&n, p + at, 8);
	return at + 8 + (n == UINT64_MAX ? 0 : (size_t)n);
}

/* A file whose checksum is right but whose first mention names a document
 * past the last (or a sentence past the doc's last) must not be taken:
 * pages would index the site with it. */
START_TEST(forged_indices_are_not_taken)
{
	uint64_t key = save_site_timeline();
	size_t len;
	unsigned char *data = slurp(&len);
	unsigned char *p = data + HEADER_BYTES;
	size_t at = 3 * 8;                            /* n_events n_undated parts */
	at = skip_str(p, skip_str(p, skip_str(p, at))); /* id value mod */
	at += 3 * 8;                                  /* span */
	at = skip_str(p, skip_str(p, at));            /* title summary */
	uint64_t n_mentions;
	memcpy(&n_mentions, p + at, 8);
	ck_assert_uint_gt(n_mentions, 0);
	at += 8;
	/* field 0 the doc, 1 the sentence; a value that fits, then one past
	 * the end, each with the checksum made right */
	for (int field = 0; field < 2; field++)
		for (int past = 0; past < 2; past++) {
			uint64_t saved[2];
			memcpy(saved, p + at, 16);
			size_t doc = (size_t)saved[0];
			uint64_t value = field == 0 ? (past ? site.n_articles : saved[0])
			                            : (past ? site.analyses[doc].sentences.len : 0);
			memcpy(p + at + 8 * (size_t)field, &value, 8);
			uint64_t sum = an_acache_hash(p, len - HEADER_BYTES);
			memcpy(data + 8 * W_CHECKSUM, &sum, 8);
			spit(data, len);
			an_timeline got;
			ck_assert_int_eq(an_timeline_load(&got, key, site.docs, site.n_articles, path),
			                 !past);
			if (!past)
				an_timeline_free(&got);
			memcpy(p + at, saved, 16);
		}
	free(data);
}
END_TEST

Suite *an_test_tlcache_suite(void)
{
	Suite *s = suite_create("tlcache");
	TCase *tc = tcase_create("disk");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_saved_timeline_comes_back_as_built);
	tcase_add_test(tc, the_key_follows_every_document);
	tcase_add_test(tc, another_key_or_no_file_is_not_taken);
	tcase_add_test(tc, truncated_or_flipped_files_are_not_taken);
	tcase_add_test(tc, forged_indices_are_not_taken);
	suite_add_tcase(s, tc);
	return s;
}
