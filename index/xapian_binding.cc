// xapian_binding.cc - the C interface to Xapian; the only C++ in Izde.
//
// Rules kept throughout (see index/xapian_binding.h and STYLE.md section 1):
// - Every exported function is extern "C" (via the header) and noexcept, its
//   whole body sits in try, and every catch (...) goes to the one mapper,
//   status_from_exception(), which turns the in-flight exception into an
//   izde_status_t and writes its description into a fixed buffer. Most
//   functions get that try from guarded() (a handle's call), guarded_new()
//   (a constructor's) or new_query(): the body is a lambda, run whole
//   inside the helper's try, so the shape is written once.
// - Recording an error never allocates: handles carry char errmsg[512].
//   Constructors without a handle format into a stack buffer and hand the
//   caller a malloc'ed copy (or nothing, if that copy fails).
// - Whatever C frees is malloc'ed; new/delete stay in this file.
// - Helpers live in an anonymous namespace, so the only external symbols
//   are the izde_ functions of the header (tests/cli/symbols.sh checks it).

#include "index/xapian_binding.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include <sys/stat.h>

namespace {
constexpr size_t ERRMSG_SIZE = 512;   // every handle's message buffer
// Block size of a compacted index. With 32 KB blocks the B-trees of the 20k
// benchmark index have two levels instead of three, so Xapian's readahead
// (of each query term's leaf, of each hit's record) asks for the blocks a
// query needs at once, where a third level made it wait for each: cold p99
// 3.3 -> 2.4 ms. On the 1 GB corpus the trees have three levels either way
// and the index is 1% larger than in 8 KB blocks. Not for writing: there
// 32 KB blocks built 8% slower.
constexpr int COMPACT_BLOCK_SIZE = 32768;
}  // namespace

struct izde_wdb {
    Xapian::WritableDatabase db;
    Xapian::Document doc;      // the document under construction
    bool building = false;     // between begin_doc and end_doc
    char errmsg[ERRMSG_SIZE] = "";
};

namespace {

// One value slot of every document, read once per revision of the index:
// each document's values (a list slot's items, else its one value) as
// ids into names, so that a facet counts into an array. Counting strings
// in a hash table for every match cost a faceted query on the 1 GB
// benchmark 4.6x the same query without (perf: a third of it hashing).
struct FacetTable {
    std::vector<uint32_t> start;    // document d's ids: ids[start[d], start[d + 1])
    std::vector<uint32_t> ids;
    std::vector<std::string> names;
};

}  // namespace

struct izde_rdb {
    Xapian::Database db;
    char errmsg[ERRMSG_SIZE] = "";
    // By slot, and by term prefix, for the revision open: emptied when
    // reopen moves on.
    std::map<uint32_t, std::shared_ptr<const FacetTable>> facet_tables;
    std::map<std::string, std::shared_ptr<const FacetTable>> term_tables;
    // The paths opened, a line each: with the UUID and the revision, what
    // names the contents (a copied index keeps its UUID).
    std::string source;
    // Some shard is searched over the network (a stub's "remote" line).
    // Xapian runs only its own match spies and key makers there, so the
    // facets and the order by year take their remote ways (run_search).
    // Learnt from the first search that needs them: Xapian 1.4 does not
    // say which kind of database a stub opened.
    bool remote = false;
};

struct izde_query {
    Xapian::Query q;
};

struct izde_doc {
    Xapian::Document doc;
    // Where a failure is recorded, as on every handle (guarded()); the
    // caller has only the status, as nothing asked for more.
    char errmsg[ERRMSG_SIZE] = "";
};

namespace {

// Formats into buf without allocating; a NULL or 0-sized buf is ignored.
void set_msg(char *buf, size_t size, const char *fmt, ...) noexcept
    __attribute__((format(printf, 3, 4)));

void set_msg(char *buf, size_t size, const char *fmt, ...) noexcept
{
    if (!buf || size == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, size, fmt, ap);
    va_end(ap);
}

// What Xapian::Error::get_description() returns ("type: msg (context: c)
// (strerror)"), composed with snprintf so that recording stays allocation-
// free. context, when not NULL, is prefixed as "'context': ".
void describe_xapian(char *buf, size_t size, const char *context,
                     const Xapian::Error &e) noexcept
{
    const char *errstr = nullptr;
    try {
        // Lazily builds a std::string from errno inside the exception, so it
        // may allocate; losing it is better than terminating.
        errstr = e.get_error_string();
    } catch (...) {
        errstr = nullptr;
    }
    const std::string &msg = e.get_msg();
    const std::string &ctx = e.get_context();
    if (!buf || size == 0)
        return;
    size_t n = 0;
    if (context)
        set_msg(buf, size, "'%s': ", context);
    else
        buf[0] = '\0';
    n = strlen(buf);
    set_msg(buf + n, size - n, "%s: %s", e.get_type(), msg.c_str());
    n = strlen(buf);
    if (!ctx.empty()) {
        set_msg(buf + n, size - n, " (context: %s)", ctx.c_str());
        n = strlen(buf);
    }
    if (errstr)
        set_msg(buf + n, size - n, " (%s)", errstr);
}

void describe_plain(char *buf, size_t size, const char *context,
                    const char *what) noexcept
{
    if (context)
        set_msg(buf, size, "'%s': %s", context, what);
    else
        set_msg(buf, size, "%s", what);
}

// Records e's description and returns st: one line a class below.
izde_status_t described(char *buf, size_t size, const char *context, const Xapian::Error &e,
                        izde_status_t st) noexcept
{
    describe_xapian(buf, size, context, e);
    return st;
}

// The one exception-to-status mapper. Call it only from inside a catch
// handler: it rethrows the exception in flight and classifies it, most
// specific class first (Xapian::Error does not derive from std::exception,
// hence both families). Beyond STYLE.md's list:
// - DatabaseCreateError (IZDE_WDB_CREATE on an existing database) is
//   IZDE_ERR_DB_OPEN, as the header documents;
// - DocNotFoundError is IZDE_ERR_NOT_FOUND (get_data, set_doc_value on a
//   missing docid);
// - UnimplementedError is IZDE_ERR_QUERY: in Izde it comes from query shapes
//   Xapian cannot run (e.g. PHRASE over an AND subquery).
izde_status_t status_from_exception(char *buf, size_t size,
                                    const char *context) noexcept
{
    try {
        throw;
    } catch (const Xapian::DatabaseLockError &e) {
        return described(buf, size, context, e, IZDE_ERR_DB_LOCKED);
    } catch (const Xapian::DatabaseNotFoundError &e) {
        return described(buf, size, context, e, IZDE_ERR_DB_OPEN);
    } catch (const Xapian::DatabaseOpeningError &e) {
        return described(buf, size, context, e, IZDE_ERR_DB_OPEN);
    } catch (const Xapian::DatabaseCreateError &e) {
        return described(buf, size, context, e, IZDE_ERR_DB_OPEN);
    } catch (const Xapian::DatabaseCorruptError &e) {
        return described(buf, size, context, e, IZDE_ERR_DB_CORRUPT);
    } catch (const Xapian::DatabaseModifiedError &e) {
        return described(buf, size, context, e, IZDE_ERR_DB_MODIFIED);
    } catch (const Xapian::DocNotFoundError &e) {
        return described(buf, size, context, e, IZDE_ERR_NOT_FOUND);
    } catch (const Xapian::QueryParserError &e) {
        return described(buf, size, context, e, IZDE_ERR_QUERY);
    } catch (const Xapian::UnimplementedError &e) {
        return described(buf, size, context, e, IZDE_ERR_QUERY);
    } catch (const Xapian::Error &e) {
        return described(buf, size, context, e, IZDE_ERR_DB);
    } catch (const std::bad_alloc &) {
        describe_plain(buf, size, context, "out of memory");
        return IZDE_ERR_NOMEM;
    } catch (const std::exception &e) {
        describe_plain(buf, size, context, e.what());
        return IZDE_ERR_INTERNAL;
    } catch (...) {
        describe_plain(buf, size, context, "unknown exception");
        return IZDE_ERR_INTERNAL;
    }
}

// Hands a constructor's message to the caller as malloc'ed memory.
void give_errmsg(char **errmsg, const char *msg) noexcept
{
    if (errmsg)
        *errmsg = msg ? strdup(msg) : nullptr;
}

// Glass refuses terms over 245 bytes, but only when the document is stored,
// and a failed store makes Xapian discard every uncommitted change. So the
// add functions check the length first, costing the caller one term, not a
// batch.
static_assert(IZDE_MAX_TERM_LEN == 245, "glass's term length limit");

// Records a non-exception failure (bad argument, missing docid) on a handle.
izde_status_t fail(char *buf, izde_status_t st, const char *what) noexcept
{
    set_msg(buf, ERRMSG_SIZE, "%s", what);
    return st;
}

// Copies s out as a malloc'ed, NUL-terminated buffer. len may be NULL.
bool copy_out(const std::string &s, char **data, size_t *len) noexcept
{
    char *p = static_cast<char *>(malloc(s.size() + 1));
    if (!p)
        return false;
    memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    *data = p;
    if (len)
        *len = s.size();
    return true;
}

void clear_out(char **data, size_t *len) noexcept
{
    if (data)
        *data = nullptr;
    if (len)
        *len = 0;
}


// A handle's read into C memory: the copy, or IZDE_ERR_NOMEM on the handle.
izde_status_t give(char *buf, const std::string &s, char **data, size_t *len) noexcept
{
    if (!copy_out(s, data, len))
        return fail(buf, IZDE_ERR_NOMEM, "out of memory");
    return IZDE_OK;
}

// The one try/catch of every function on a handle (izde_wdb, izde_rdb,
// izde_doc): a NULL handle is IZDE_ERR_INVALID, and whatever body throws
// becomes a status, its description going to the handle's message. body
// runs whole inside the try and returns the status itself.
template <typename Handle, typename Body>
izde_status_t guarded(Handle *h, Body &&body) noexcept
{
    if (!h)
        return IZDE_ERR_INVALID;
    try {
        return body();
    } catch (...) {
        return status_from_exception(h->errmsg, sizeof h->errmsg, nullptr);
    }
}

// The same for constructors, which have no handle yet: the message, named
// after *context (the path being opened when it failed, or NULL), goes to
// the caller's *errmsg as malloc'ed memory. body may set *errmsg itself for
// a failure of its own.
template <typename Body>
izde_status_t guarded_new(char **errmsg, const char *const *context, Body &&body) noexcept
{
    if (errmsg)
        *errmsg = nullptr;
    try {
        return body();
    } catch (...) {
        char buf[ERRMSG_SIZE] = "";
        izde_status_t st = status_from_exception(buf, sizeof buf, *context);
        give_errmsg(errmsg, buf);
        return st;
    }
}

// What reading the document count means for either kind of handle.
template <typename Handle>
izde_status_t doccount(Handle *h, uint64_t *count) noexcept
{
    if (count)
        *count = 0;
    if (!count)
        return IZDE_ERR_INVALID;
    return guarded(h, [&] {
        *count = h->db.get_doccount();
        return IZDE_OK;
    });
}

// Metadata of either kind of handle; with several shards Xapian reads only
// the first one's.
template <typename Handle>
izde_status_t get_metadata(Handle *h, const char *key, char **value, size_t *len) noexcept
{
    clear_out(value, len);
    if (!value)
        return IZDE_ERR_INVALID;
    return guarded(h, [&] {
        if (!key || !*key)
            return fail(h->errmsg, IZDE_ERR_INVALID, "get_metadata: empty key");
        return give(h->errmsg, h->db.get_metadata(key), value, len);
    });
}

// One document's data, read by read(docid) from either kind of handle; the
// out-parameters are cleared first and docid 0 never exists.
template <typename Handle, typename Read>
izde_status_t get_data(Handle *h, izde_docid_t docid, char **data, size_t *len,
                       Read &&read) noexcept
{
    clear_out(data, len);
    if (!data)
        return IZDE_ERR_INVALID;
    return guarded(h, [&] {
        if (docid == 0)
            return fail(h->errmsg, IZDE_ERR_NOT_FOUND, "docid 0 does not exist");
        return give(h->errmsg, read(docid), data, len);
    });
}

// The term functions of a document, shared by the handle's own document
// (izde_wdb_begin_doc...end_doc) and documents built apart (izde_doc_t).
// They run inside a guarded body; errors go to buf.
izde_status_t doc_add_posting(Xapian::Document &doc, char *buf, const char *term, size_t len,
                              uint32_t pos)
{
    if (!term || len == 0 || pos == 0)
        return fail(buf, IZDE_ERR_INVALID, "add_posting: empty term or position 0");
    if (len > IZDE_MAX_TERM_LEN)
        return fail(buf, IZDE_ERR_INVALID, "add_posting: term too long");
    doc.add_posting(std::string(term, len), pos, 1);
    return IZDE_OK;
}

izde_status_t doc_add_term(Xapian::Document &doc, char *buf, const char *term, size_t len,
                           uint32_t wdfinc)
{
    if (!term || len == 0)
        return fail(buf, IZDE_ERR_INVALID, "add_term: empty term");
    if (len > IZDE_MAX_TERM_LEN)
        return fail(buf, IZDE_ERR_INVALID, "add_term: term too long");
    doc.add_term(std::string(term, len), wdfinc);
    return IZDE_OK;
}

// Refuses a value the way izde_doc_set_value and izde_wdb_set_doc_value
// (op) document, before anything is read or changed.
izde_status_t check_value(char *buf, const char *op, uint32_t slot, const char *data,
                          size_t len) noexcept
{
    if (!data && len) {
        set_msg(buf, ERRMSG_SIZE, "%s: NULL data", op);
        return IZDE_ERR_INVALID;
    }
    if (slot == Xapian::BAD_VALUENO) {
        set_msg(buf, ERRMSG_SIZE, "%s: invalid slot", op);
        return IZDE_ERR_INVALID;
    }
    return IZDE_OK;
}

// (data, len) as a value or data blob; NULL with len 0 is "".
std::string blob(const char *data, size_t len)
{
    return len ? std::string(data, len) : std::string();
}

izde_status_t doc_set_data(Xapian::Document &doc, char *buf, const char *data, size_t len)
{
    if (!data && len)
        return fail(buf, IZDE_ERR_INVALID, "set_data: NULL data");
    doc.set_data(blob(data, len));
    return IZDE_OK;
}

// Stores doc with its unique id term idterm for end_doc, replace_doc and
// add_doc (op, for messages): replacing any document that has idterm, or
// with add as a new document, without the look-up. Runs in a guarded body.
izde_status_t store_doc(izde_wdb_t *db, const char *op, Xapian::Document &doc,
                        const char *idterm, size_t len, bool add, izde_docid_t *docid)
{
    if (!idterm || len == 0 || len > IZDE_MAX_TERM_LEN) {
        set_msg(db->errmsg, sizeof db->errmsg, "%s: empty or too long id term", op);
        return IZDE_ERR_INVALID;
    }
    std::string id(idterm, len);
    doc.add_boolean_term(id);
    Xapian::docid did = add ? db->db.add_document(doc) : db->db.replace_document(id, doc);
    if (docid)
        *docid = did;
    return IZDE_OK;
}

// The refusal of a stream call (op) outside begin_doc/end_doc.
izde_status_t not_building(izde_wdb_t *db, const char *op) noexcept
{
    set_msg(db->errmsg, sizeof db->errmsg, "%s outside begin_doc/end_doc", op);
    return IZDE_ERR_INVALID;
}

}  // namespace

/* ---------------------------------------------------------------- writing */

izde_status_t izde_wdb_open(const char *path, int flags, izde_wdb_t **out,
                            char **errmsg) noexcept
{
    if (out)
        *out = nullptr;
    return guarded_new(errmsg, &path, [&] {
        if (!path || !*path || !out) {
            give_errmsg(errmsg, "izde_wdb_open: path and out are required");
            return IZDE_ERR_INVALID;
        }
        const int modes = IZDE_WDB_CREATE | IZDE_WDB_OVERWRITE | IZDE_WDB_OPEN;
        const int mode = flags & modes;
        if ((mode & (mode - 1)) != 0 || (flags & ~(modes | IZDE_WDB_NO_SYNC)) != 0) {
            char buf[ERRMSG_SIZE];
            set_msg(buf, sizeof buf, "'%s': invalid open flags %#x", path, flags);
            give_errmsg(errmsg, buf);
            return IZDE_ERR_INVALID;
        }
        int xflags;
        switch (mode) {
        case IZDE_WDB_CREATE: xflags = Xapian::DB_CREATE; break;
        case IZDE_WDB_OVERWRITE: xflags = Xapian::DB_CREATE_OR_OVERWRITE; break;
        case IZDE_WDB_OPEN: xflags = Xapian::DB_OPEN; break;
        default: xflags = Xapian::DB_CREATE_OR_OPEN; break;
        }
        // The backend flag only matters when a database gets created; an
        // existing database is opened with whatever backend it has. But
        // with it Xapian no longer follows a directory's XAPIANDB stub and
        // would create a glass database beside it, which then wins: so a
        // stub directory is opened as the stub says.
        struct stat stub;
        std::string stub_path = std::string(path) + "/XAPIANDB";
        if (mode != IZDE_WDB_OPEN && stat(stub_path.c_str(), &stub) != 0)
            xflags |= Xapian::DB_BACKEND_GLASS;
        if (flags & IZDE_WDB_NO_SYNC)
            xflags |= Xapian::DB_NO_SYNC;
        // new is the last thing that can throw: nothing to free on failure.
        *out = new izde_wdb_t{Xapian::WritableDatabase(path, xflags), Xapian::Document(),
                              false, ""};
        return IZDE_OK;
    });
}

izde_status_t izde_wdb_close(izde_wdb_t *db) noexcept
{
    if (!db)
        return IZDE_OK;
    izde_status_t st = IZDE_OK;
    try {
        // close() commits pending changes, or aborts an open transaction.
        db->db.close();
    } catch (...) {
        st = status_from_exception(db->errmsg, sizeof db->errmsg, nullptr);
    }
    try {
        delete db;
    } catch (...) {
        // Destructors of closed Xapian objects do not throw; belt and braces.
        if (st == IZDE_OK)
            st = IZDE_ERR_INTERNAL;
    }
    return st;
}

const char *izde_wdb_errmsg(const izde_wdb_t *db) noexcept
{
    return db ? db->errmsg : "";
}

izde_status_t izde_wdb_commit(izde_wdb_t *db) noexcept
{
    return guarded(db, [&] {
        db->db.commit();
        return IZDE_OK;
    });
}

izde_status_t izde_wdb_begin_transaction(izde_wdb_t *db) noexcept
{
    return guarded(db, [&] {
        db->db.begin_transaction(true);
        return IZDE_OK;
    });
}

izde_status_t izde_wdb_commit_transaction(izde_wdb_t *db) noexcept
{
    return guarded(db, [&] {
        db->db.commit_transaction();
        return IZDE_OK;
    });
}

izde_status_t izde_wdb_begin_doc(izde_wdb_t *db) noexcept
{
    return guarded(db, [&] {
        db->building = false;   // stays so if the new document fails
        db->doc = Xapian::Document();
        db->building = true;
        return IZDE_OK;
    });
}

izde_status_t izde_wdb_add_posting(izde_wdb_t *db, const char *term, size_t len,
                                   uint32_t pos) noexcept
{
    return guarded(db, [&] {
        if (!db->building)
            return not_building(db, "add_posting");
        return doc_add_posting(db->doc, db->errmsg, term, len, pos);
    });
}

izde_status_t izde_wdb_add_term(izde_wdb_t *db, const char *term, size_t len,
                                uint32_t wdfinc) noexcept
{
    return guarded(db, [&] {
        if (!db->building)
            return not_building(db, "add_term");
        return doc_add_term(db->doc, db->errmsg, term, len, wdfinc);
    });
}

izde_status_t izde_wdb_set_data(izde_wdb_t *db, const char *data, size_t len) noexcept
{
    return guarded(db, [&] {
        if (!db->building)
            return not_building(db, "set_data");
        return doc_set_data(db->doc, db->errmsg, data, len);
    });
}

izde_status_t izde_wdb_end_doc(izde_wdb_t *db, const char *idterm, size_t len,
                               izde_docid_t *docid) noexcept
{
    if (docid)
        *docid = 0;
    izde_status_t st = guarded(db, [&] {
        if (!db->building)
            return fail(db->errmsg, IZDE_ERR_INVALID, "end_doc without begin_doc");
        return store_doc(db, "end_doc", db->doc, idterm, len, false, docid);
    });
    if (!db)
        return st;
    // The construction ends whatever happened; drop the document's memory.
    db->building = false;
    try {
        db->doc = Xapian::Document();
    } catch (...) {
        // Only allocation can fail here; the old document stays until the
        // next begin_doc, which is harmless.
    }
    return st;
}

izde_status_t izde_wdb_delete_doc(izde_wdb_t *db, const char *idterm, size_t len) noexcept
{
    return guarded(db, [&] {
        if (!idterm || len == 0)
            return fail(db->errmsg, IZDE_ERR_INVALID, "delete_doc: empty id term");
        db->db.delete_document(std::string(idterm, len));
        return IZDE_OK;
    });
}

izde_status_t izde_wdb_doccount(izde_wdb_t *db, uint64_t *count) noexcept
{
    return doccount(db, count);
}

izde_status_t izde_wdb_get_metadata(izde_wdb_t *db, const char *key, char **value,
                                    size_t *len) noexcept
{
    return get_metadata(db, key, value, len);
}

izde_status_t izde_wdb_set_metadata(izde_wdb_t *db, const char *key,
                                    const char *value, size_t len) noexcept
{
    return guarded(db, [&] {
        if (!key || !*key)
            return fail(db->errmsg, IZDE_ERR_INVALID, "set_metadata: empty key");
        if (!value && len)
            return fail(db->errmsg, IZDE_ERR_INVALID, "set_metadata: NULL value");
        db->db.set_metadata(key, blob(value, len));
        return IZDE_OK;
    });
}

izde_status_t izde_wdb_get_data(izde_wdb_t *db, izde_docid_t docid, char **data,
                                size_t *len) noexcept
{
    return get_data(db, docid, data, len,
                    [&](izde_docid_t id) { return db->db.get_document(id).get_data(); });
}

izde_status_t izde_wdb_set_doc_value(izde_wdb_t *db, izde_docid_t docid, uint32_t slot,
                                     const char *data, size_t len) noexcept
{
    return guarded(db, [&] {
        if (docid == 0)
            return fail(db->errmsg, IZDE_ERR_NOT_FOUND, "docid 0 does not exist");
        izde_status_t st = check_value(db->errmsg, "set_doc_value", slot, data, len);
        if (st != IZDE_OK)
            return st;
        // A document read from the database and given back with only a
        // value changed: glass then rewrites the value, not the postings.
        Xapian::Document doc = db->db.get_document(docid);
        doc.add_value(slot, blob(data, len));
        db->db.replace_document(docid, doc);
        return IZDE_OK;
    });
}

izde_status_t izde_wdb_each_posting(izde_wdb_t *db, const char *prefix,
                                    int (*fn)(const char *term, size_t len,
                                              izde_docid_t docid, void *closure),
                                    void *closure) noexcept
{
    return guarded(db, [&] {
        if (!fn)
            return fail(db->errmsg, IZDE_ERR_INVALID, "each_posting: NULL callback");
        std::string pfx(prefix ? prefix : "");
        // fn is C and cannot throw; anything ++it throws is raised in this
        // frame, after fn has returned, so no exception crosses C frames.
        for (Xapian::TermIterator it = db->db.allterms_begin(pfx),
                                  end = db->db.allterms_end(pfx);
             it != end; ++it) {
            const std::string term = *it;
            for (Xapian::PostingIterator p = db->db.postlist_begin(term),
                                         pend = db->db.postlist_end(term);
                 p != pend; ++p) {
                if (fn(term.data(), term.size(), *p, closure) != 0)
                    return IZDE_OK;
            }
        }
        return IZDE_OK;
    });
}

izde_status_t izde_wdb_each_value(izde_wdb_t *db, uint32_t slot,
                                  int (*fn)(izde_docid_t docid, const char *data,
                                            size_t len, void *closure),
                                  void *closure) noexcept
{
    return guarded(db, [&] {
        if (!fn)
            return fail(db->errmsg, IZDE_ERR_INVALID, "each_value: NULL callback");
        // As in izde_wdb_each_posting: fn returns before any iterator throws.
        for (Xapian::ValueIterator it = db->db.valuestream_begin(slot),
                                   end = db->db.valuestream_end(slot);
             it != end; ++it) {
            const std::string v = *it;
            if (fn(it.get_docid(), v.data(), v.size(), closure) != 0)
                break;
        }
        return IZDE_OK;
    });
}

/* ------------------------------------------------- documents built apart */

izde_status_t izde_doc_new(izde_doc_t **out) noexcept
{
    if (!out)
        return IZDE_ERR_INVALID;
    *out = nullptr;
    try {
        *out = new izde_doc_t{};
        return IZDE_OK;
    } catch (...) {
        char buf[ERRMSG_SIZE];
        return status_from_exception(buf, sizeof buf, nullptr);
    }
}

void izde_doc_free(izde_doc_t *doc) noexcept
{
    try {
        delete doc;
    } catch (...) {
        // A Document's destructor does not throw; nothing to report to.
    }
}

izde_status_t izde_doc_add_posting(izde_doc_t *doc, const char *term, size_t len,
                                   uint32_t pos) noexcept
{
    return guarded(doc, [&] { return doc_add_posting(doc->doc, doc->errmsg, term, len, pos); });
}

izde_status_t izde_doc_add_term(izde_doc_t *doc, const char *term, size_t len,
                                uint32_t wdfinc) noexcept
{
    return guarded(doc, [&] { return doc_add_term(doc->doc, doc->errmsg, term, len, wdfinc); });
}

izde_status_t izde_doc_set_value(izde_doc_t *doc, uint32_t slot, const char *data,
                                 size_t len) noexcept
{
    return guarded(doc, [&] {
        izde_status_t st = check_value(doc->errmsg, "set_value", slot, data, len);
        if (st == IZDE_OK)
            doc->doc.add_value(slot, blob(data, len));
        return st;
    });
}

izde_status_t izde_doc_set_data(izde_doc_t *doc, const char *data, size_t len) noexcept
{
    return guarded(doc, [&] { return doc_set_data(doc->doc, doc->errmsg, data, len); });
}

izde_status_t izde_wdb_replace_doc(izde_wdb_t *db, const char *idterm, size_t len,
                                   izde_doc_t *doc, izde_docid_t *docid) noexcept
{
    if (docid)
        *docid = 0;
    return guarded(db, [&] {
        if (!doc)
            return fail(db->errmsg, IZDE_ERR_INVALID, "replace_doc: NULL document");
        return store_doc(db, "replace_doc", doc->doc, idterm, len, false, docid);
    });
}

izde_status_t izde_wdb_add_doc(izde_wdb_t *db, const char *idterm, size_t len,
                               izde_doc_t *doc, izde_docid_t *docid) noexcept
{
    if (docid)
        *docid = 0;
    return guarded(db, [&] {
        if (!doc)
            return fail(db->errmsg, IZDE_ERR_INVALID, "add_doc: NULL document");
        return store_doc(db, "add_doc", doc->doc, idterm, len, true, docid);
    });
}

/* ---------------------------------------------------------------- reading */

izde_status_t izde_rdb_open(const char *const *paths, size_t n, izde_rdb_t **out,
                            char **errmsg) noexcept
{
    const char *current = nullptr;   // the path being opened, for the message
    if (out)
        *out = nullptr;
    return guarded_new(errmsg, &current, [&] {
        if (!paths || n == 0 || !out) {
            give_errmsg(errmsg, "izde_rdb_open: no database given");
            return IZDE_ERR_INVALID;
        }
        for (size_t i = 0; i < n; i++) {
            if (!paths[i] || !*paths[i]) {
                give_errmsg(errmsg, "izde_rdb_open: empty database path");
                return IZDE_ERR_INVALID;
            }
        }
        std::unique_ptr<izde_rdb_t> h(new izde_rdb_t{});
        for (size_t i = 0; i < n; i++) {
            current = paths[i];
            // Database(path) reads glass directories, single-file databases
            // and stub files (local or remote shards) alike.
            h->db.add_database(Xapian::Database(current));
            h->source += std::string(current) + '\n';
        }
        *out = h.release();
        return IZDE_OK;
    });
}

void izde_rdb_close(izde_rdb_t *db) noexcept
{
    if (!db)
        return;
    try {
        db->db.close();
    } catch (...) {
        // Nothing to report to: the handle goes away.
    }
    try {
        delete db;
    } catch (...) {
    }
}

const char *izde_rdb_errmsg(const izde_rdb_t *db) noexcept
{
    return db ? db->errmsg : "";
}

izde_status_t izde_rdb_reopen(izde_rdb_t *db) noexcept
{
    return guarded(db, [&] {
        if (db->db.reopen()) {
            db->facet_tables.clear();
            db->term_tables.clear();
        }
        return IZDE_OK;
    });
}

izde_status_t izde_rdb_doccount(izde_rdb_t *db, uint64_t *count) noexcept
{
    return doccount(db, count);
}

izde_status_t izde_rdb_termfreq(izde_rdb_t *db, const char *term, size_t len,
                                uint64_t *freq) noexcept
{
    if (freq)
        *freq = 0;
    if (!freq)
        return IZDE_ERR_INVALID;
    return guarded(db, [&] {
        if (!term || len == 0)
            return fail(db->errmsg, IZDE_ERR_INVALID, "termfreq: empty term");
        *freq = db->db.get_termfreq(std::string(term, len));
        return IZDE_OK;
    });
}

izde_status_t izde_rdb_each_term(izde_rdb_t *db, const char *prefix,
                                 int (*fn)(const char *term, size_t len, uint64_t freq,
                                           void *closure),
                                 void *closure) noexcept
{
    return guarded(db, [&] {
        if (!fn)
            return fail(db->errmsg, IZDE_ERR_INVALID, "each_term: NULL callback");
        std::string pfx(prefix ? prefix : "");
        // As in izde_wdb_each_posting: exceptions only arise in this frame.
        for (Xapian::TermIterator it = db->db.allterms_begin(pfx),
                                  end = db->db.allterms_end(pfx);
             it != end; ++it) {
            const std::string &term = *it;
            if (fn(term.data(), term.size(), it.get_termfreq(), closure) != 0)
                break;
        }
        return IZDE_OK;
    });
}

izde_status_t izde_rdb_get_metadata(izde_rdb_t *db, const char *key, char **value,
                                    size_t *len) noexcept
{
    return get_metadata(db, key, value, len);
}

izde_status_t izde_rdb_get_data(izde_rdb_t *db, izde_docid_t docid, char **data,
                                size_t *len) noexcept
{
    return get_data(db, docid, data, len, [&](izde_docid_t id) {
        // Hits come from a match, so their docids exist: skipping the check
        // saves a lookup of the document length, a disk read on a cold cache.
        // A missing document then reads as empty data, which the checked
        // call below tells from a document stored without data.
        std::string d = db->db.get_document(id, Xapian::DOC_ASSUME_VALID).get_data();
        if (d.empty())
            d = db->db.get_document(id).get_data();
        return d;
    });
}

/* ---------------------------------------------------------------- queries */

namespace {

// The one try/catch of the query constructors, which have no handle:
// *out gets the query build() returns, or NULL. Xapian refusing a query
// shape (InvalidArgumentError, UnimplementedError) is IZDE_ERR_QUERY;
// memory stays IZDE_ERR_NOMEM.
template <typename Build>
izde_status_t new_query(izde_query_t **out, Build &&build) noexcept
{
    try {
        *out = new izde_query_t{build()};
        return IZDE_OK;
    } catch (...) {
        *out = nullptr;
        char scratch[ERRMSG_SIZE];
        izde_status_t st = status_from_exception(scratch, sizeof scratch, nullptr);
        return st == IZDE_ERR_DB ? IZDE_ERR_QUERY : st;
    }
}

}  // namespace

izde_status_t izde_query_term(const char *term, size_t len, uint32_t wqf,
                              izde_query_t **out) noexcept
{
    if (!out)
        return IZDE_ERR_INVALID;
    *out = nullptr;
    // An empty term would be Xapian's MatchAll: refuse it rather than match
    // everything by accident.
    if (!term || len == 0)
        return IZDE_ERR_INVALID;
    return new_query(out, [&] { return Xapian::Query(std::string(term, len), wqf); });
}

izde_status_t izde_query_combine(izde_query_op_t op, izde_query_t *const *subs,
                                 size_t n, uint32_t window,
                                 izde_query_t **out) noexcept
{
    if (!out)
        return IZDE_ERR_INVALID;
    *out = nullptr;
    if (n > 0 && !subs)
        return IZDE_ERR_INVALID;
    for (size_t i = 0; i < n; i++)
        if (!subs[i])
            return IZDE_ERR_INVALID;
    Xapian::Query::op xop;
    switch (op) {
    case IZDE_Q_AND: xop = Xapian::Query::OP_AND; break;
    case IZDE_Q_OR: xop = Xapian::Query::OP_OR; break;
    // Xapian's n-ary forms already mean what the header documents: AND_NOT
    // is "first and none of the rest", AND_MAYBE "first, weighted by the
    // rest", FILTER "first, restricted by all the rest".
    case IZDE_Q_AND_NOT: xop = Xapian::Query::OP_AND_NOT; break;
    case IZDE_Q_AND_MAYBE: xop = Xapian::Query::OP_AND_MAYBE; break;
    case IZDE_Q_FILTER: xop = Xapian::Query::OP_FILTER; break;
    // A window of 0 is Xapian's "number of subqueries" for PHRASE and NEAR,
    // and its default set size (10) for ELITE_SET.
    case IZDE_Q_PHRASE: xop = Xapian::Query::OP_PHRASE; break;
    case IZDE_Q_NEAR: xop = Xapian::Query::OP_NEAR; break;
    case IZDE_Q_SYNONYM: xop = Xapian::Query::OP_SYNONYM; break;
    case IZDE_Q_ELITE_SET: xop = Xapian::Query::OP_ELITE_SET; break;
    default: return IZDE_ERR_INVALID;
    }
    return new_query(out, [&] {
        if (n == 0)
            return Xapian::Query();     // MatchNothing
        if (n == 1)
            return subs[0]->q;
        std::vector<Xapian::Query> v;
        v.reserve(n);
        for (size_t i = 0; i < n; i++)
            v.push_back(subs[i]->q);
        return Xapian::Query(xop, v.begin(), v.end(), window);
    });
}

izde_status_t izde_query_scale(const izde_query_t *q, double factor,
                               izde_query_t **out) noexcept
{
    if (!out)
        return IZDE_ERR_INVALID;
    *out = nullptr;
    if (!q || !(factor >= 0.0) || std::isinf(factor))   // also rejects NaN
        return IZDE_ERR_INVALID;
    return new_query(out, [&] {
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q, factor);
    });
}

izde_status_t izde_query_value_range(uint32_t slot, const char *lo, size_t lolen,
                                     const char *hi, size_t hilen,
                                     izde_query_t **out) noexcept
{
    if (!out)
        return IZDE_ERR_INVALID;
    *out = nullptr;
    if (!lo && !hi)
        return IZDE_ERR_INVALID;
    return new_query(out, [&] {
        if (!lo)
            return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, std::string(hi, hilen));
        if (!hi)
            return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, std::string(lo, lolen));
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, std::string(lo, lolen),
                             std::string(hi, hilen));
    });
}

izde_status_t izde_query_match_all(izde_query_t **out) noexcept
{
    if (!out)
        return IZDE_ERR_INVALID;
    *out = nullptr;
    return new_query(out, [] { return Xapian::Query::MatchAll; });
}

char *izde_query_describe(const izde_query_t *q) noexcept
{
    if (!q)
        return nullptr;
    try {
        std::string d = q->q.get_description();
        char *s = nullptr;
        if (!copy_out(d, &s, nullptr))
            return nullptr;
        return s;
    } catch (...) {
        return nullptr;
    }
}

void izde_query_free(izde_query_t *q) noexcept
{
    try {
        delete q;
    } catch (...) {
    }
}

/* ---------------------------------------------------------------- search */

void izde_search_opts_init(struct izde_search_opts *opts) noexcept
{
    if (!opts)
        return;
    opts->offset = 0;
    opts->limit = 10;
    opts->check_at_least = 0;
    opts->bm25_k1 = 1.0;
    opts->bm25_k2 = 0.0;
    opts->bm25_k3 = 1.0;
    opts->bm25_b = 0.5;
    opts->bm25_min_normlen = 0.5;
    opts->sort_slot = -1;
    opts->sort_reverse = 0;
    opts->facets = nullptr;
    opts->nfacets = 0;
    opts->weightless = 0;
}

namespace {

// Tables of every handle in the process, by database, revision and what
// they hold: a server's workers each have a handle, and each read every
// table again after each commit. Held by the handles that use them.
std::mutex shared_tables_lock;
std::map<std::string, std::weak_ptr<const FacetTable>> shared_tables;

// The table what names, on the revision db reads: another handle's if it
// has one, else build()'s, kept for the others. Built under the lock, so
// that workers reaching a new revision together wait for one build
// instead of each making its own. Not shared over several shards, which
// have no one revision; nor between copies of an index, which keep its
// UUID and may reach the same revision with other contents, so the key
// holds the path.
template <class Build>
std::shared_ptr<const FacetTable> shared_table(izde_rdb_t *db, const std::string &what, Build build)
{
    std::string key;
    try {
        std::string uuid = db->db.get_uuid();
        if (!uuid.empty())
            key = db->source + uuid + '\n' + std::to_string(db->db.get_revision()) + '\n' +
                  what;
    } catch (const Xapian::Error &) {
    }
    if (key.empty())
        return std::make_shared<const FacetTable>(build());
    std::lock_guard<std::mutex> hold(shared_tables_lock);
    auto &kept = shared_tables[key];
    if (auto t = kept.lock())
        return t;
    auto t = std::make_shared<const FacetTable>(build());
    kept = t;
    for (auto it = shared_tables.begin(); it != shared_tables.end();)
        it = it->second.expired() ? shared_tables.erase(it) : std::next(it);
    return t;
}

// The table of slot (list: values ended by IZDE_VALUE_LIST_SEP, each one
// counted), read from the value stream.
FacetTable read_facet_table(izde_rdb_t *db, Xapian::valueno slot, bool list)
{
    FacetTable t;
    Xapian::docid last = db->db.get_lastdocid();
    t.start.reserve(static_cast<size_t>(last) + 2);
    std::unordered_map<std::string, uint32_t> intern;
    auto add = [&](const std::string &v, size_t from, size_t end) {
        auto r = intern.emplace(v.substr(from, end - from), static_cast<uint32_t>(t.names.size()));
        if (r.second)
            t.names.push_back(r.first->first);
        t.ids.push_back(r.first->second);
    };
    for (Xapian::ValueIterator it = db->db.valuestream_begin(slot);
         it != db->db.valuestream_end(slot); ++it) {
        Xapian::docid d = it.get_docid();
        while (t.start.size() <= d)
            t.start.push_back(static_cast<uint32_t>(t.ids.size()));
        const std::string v = *it;
        if (!list) {
            if (!v.empty())
                add(v, 0, v.size());
            continue;
        }
        for (size_t from = 0; from < v.size();) {
            size_t end = v.find(IZDE_VALUE_LIST_SEP, from);
            if (end == std::string::npos)
                end = v.size();
            if (end > from)
                add(v, from, end);
            from = end + 1;
        }
    }
    while (t.start.size() <= static_cast<size_t>(last) + 1)
        t.start.push_back(static_cast<uint32_t>(t.ids.size()));
    return t;
}

// read_facet_table's table, read the first time a facet of the revision
// asks.
const FacetTable &facet_table(izde_rdb_t *db, Xapian::valueno slot, bool list)
{
    auto &t = db->facet_tables[slot];
    if (!t)
        t = shared_table(db, "v" + std::to_string(slot) + (list ? "l" : ""),
                         [&] { return read_facet_table(db, slot, list); });
    return *t;
}

// The table of the terms beginning with prefix (each a value, without
// the prefix), read from their posting lists.
FacetTable read_term_table(izde_rdb_t *db, const std::string &prefix)
{
    FacetTable t;
    std::vector<std::pair<Xapian::docid, uint32_t>> postings;
    for (Xapian::TermIterator term = db->db.allterms_begin(prefix);
         term != db->db.allterms_end(prefix); ++term) {
        auto id = static_cast<uint32_t>(t.names.size());
        t.names.push_back((*term).substr(prefix.size()));
        for (Xapian::PostingIterator p = db->db.postlist_begin(*term);
             p != db->db.postlist_end(*term); ++p)
            postings.emplace_back(*p, id);
    }
    std::sort(postings.begin(), postings.end());
    Xapian::docid last = db->db.get_lastdocid();
    t.start.reserve(static_cast<size_t>(last) + 2);
    t.ids.reserve(postings.size());
    for (const auto &p : postings) {
        while (t.start.size() <= p.first)
            t.start.push_back(static_cast<uint32_t>(t.ids.size()));
        t.ids.push_back(p.second);
    }
    while (t.start.size() <= static_cast<size_t>(last) + 1)
        t.start.push_back(static_cast<uint32_t>(t.ids.size()));
    return t;
}

// read_term_table's table, read the first time a facet of the revision
// asks.
const FacetTable &term_table(izde_rdb_t *db, const std::string &prefix)
{
    auto &t = db->term_tables[prefix];
    if (!t)
        t = shared_table(db, "t" + prefix, [&] { return read_term_table(db, prefix); });
    return *t;
}

// Counts a facet's values over the documents the matcher shows it, by the
// table: an array increment per value.
class TableSpy : public Xapian::MatchSpy {
  public:
    explicit TableSpy(const FacetTable &t) : t_(t), counts_(t.names.size(), 0) {}
    void operator()(const Xapian::Document &doc, double) override
    {
        seen_++;
        Xapian::docid d = doc.get_docid();
        if (static_cast<size_t>(d) + 1 >= t_.start.size())
            return;
        for (uint32_t i = t_.start[d]; i < t_.start[d + 1]; i++)
            counts_[t_.ids[i]]++;
    }
    const FacetTable &table() const { return t_; }
    const std::vector<uint64_t> &counts() const { return counts_; }
    uint64_t seen() const { return seen_; }

  private:
    const FacetTable &t_;
    std::vector<uint64_t> counts_;
    uint64_t seen_ = 0;
};

// The most frequent of counts (name, count; none 0) first, ties by name, at
// most max (0: all): only the kept ones are sorted and copied.
void keep_top(std::vector<std::pair<const std::string *, uint64_t>> &all, size_t max,
              std::vector<std::pair<std::string, uint64_t>> &out)
{
    size_t keep = max && all.size() > max ? max : all.size();
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(),
                      [](const auto &a, const auto &b) {
                          return a.second != b.second ? a.second > b.second : *a.first < *b.first;
                      });
    for (size_t i = 0; i < keep; i++)
        out.emplace_back(*all[i].first, all[i].second);
}

// A table spy's counts, the most frequent as keep_top keeps them.
void table_top(const TableSpy &spy, size_t max, std::vector<std::pair<std::string, uint64_t>> &out)
{
    std::vector<std::pair<const std::string *, uint64_t>> all;
    for (size_t i = 0; i < spy.counts().size(); i++)
        if (spy.counts()[i])
            all.emplace_back(&spy.table().names[i], spy.counts()[i]);
    keep_top(all, max, out);
}

// A remote search's facet: Xapian's own ValueCountMatchSpy, which counts
// each whole value; a list's count goes to each of its items.
void remote_top(const Xapian::ValueCountMatchSpy &spy, bool list, size_t max,
                std::vector<std::pair<std::string, uint64_t>> &out)
{
    std::map<std::string, uint64_t> counts;
    for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string v = *it;
        uint64_t n = it.get_termfreq();
        for (size_t from = 0; from < v.size();) {
            size_t end = list ? v.find(IZDE_VALUE_LIST_SEP, from) : std::string::npos;
            if (end == std::string::npos)
                end = v.size();
            if (end > from)
                counts[v.substr(from, end - from)] += n;
            from = end + 1;
        }
    }
    std::vector<std::pair<const std::string *, uint64_t>> all;
    for (const auto &kv : counts)
        all.emplace_back(&kv.first, kv.second);
    keep_top(all, max, out);
}

void facets_release(struct izde_facet *f, size_t n)
{
    for (size_t i = 0; f && i < n; i++) {
        for (size_t k = 0; k < f[i].n; k++)
            free(f[i].values[k].value);
        free(f[i].values);
    }
    free(f);
}

// Turns each facet's kept counts into the C arrays of hits; false when
// out of memory.
bool facets_out(const std::vector<std::vector<std::pair<std::string, uint64_t>>> &tops,
                izde_hits_t *hits)
{
    size_t n = tops.size();
    auto *f = static_cast<struct izde_facet *>(calloc(n ? n : 1, sizeof(struct izde_facet)));
    if (!f)
        return false;
    for (size_t i = 0; i < n; i++) {
        const auto &top = tops[i];
        if (top.empty())
            continue;
        f[i].values = static_cast<struct izde_facet_value *>(
            calloc(top.size(), sizeof(struct izde_facet_value)));
        if (!f[i].values) {
            facets_release(f, n);
            return false;
        }
        for (const auto &kv : top) {
            struct izde_facet_value *v = &f[i].values[f[i].n];
            if (!copy_out(kv.first, &v->value, &v->len)) {
                facets_release(f, n);
                return false;
            }
            v->count = kv.second;
            f[i].n++;
        }
    }
    hits->facets = f;
    hits->nfacets = n;
    return true;
}

izde_status_t run_search(izde_rdb_t *db, const Xapian::Query &query,
                         const struct izde_search_opts *opts, izde_hits_t *hits,
                         izde_hit_t *&items);

}  // namespace

izde_status_t izde_rdb_search(izde_rdb_t *db, const izde_query_t *q,
                              const struct izde_search_opts *opts,
                              izde_hits_t *hits) noexcept
{
    if (hits) {
        hits->items = nullptr;
        hits->count = 0;
        hits->estimated = 0;
        hits->lower = hits->upper = 0;
        hits->facets = nullptr;
        hits->nfacets = 0;
        hits->examined = 0;
    }
    if (!db || !hits)
        return IZDE_ERR_INVALID;
    if (!q)
        return fail(db->errmsg, IZDE_ERR_INVALID, "search: NULL query");
    izde_hit_t *items = nullptr;
    izde_status_t st = guarded(db, [&] {
        struct izde_search_opts defaults;
        if (!opts) {
            izde_search_opts_init(&defaults);
            opts = &defaults;
        }
        if (!db->remote && (opts->nfacets || opts->sort_slot >= 0)) {
            try {
                return run_search(db, q->q, opts, hits, items);
            } catch (const Xapian::UnimplementedError &e) {
                // Thrown before the match starts, when a shard is remote
                // ("MatchSpy not suitable for use with remote searches",
                // "KeyMaker not supported for the remote backend").
                if (e.get_msg().find("remote") == std::string::npos)
                    throw;
                db->remote = true;
                db->facet_tables.clear();
                db->term_tables.clear();
            }
        }
        return run_search(db, q->q, opts, hits, items);
    });
    if (st != IZDE_OK) {
        // Nothing half-filled leaves: hits->items is items or NULL.
        free(items);
        facets_release(hits->facets, hits->nfacets);
        *hits = izde_hits_t{};
    }
    return st;
}

namespace {

void set_weighting(Xapian::Enquire &enquire, const struct izde_search_opts *opts)
{
    if (opts->weightless)
        enquire.set_weighting_scheme(Xapian::BoolWeight());
    else
        enquire.set_weighting_scheme(Xapian::BM25Weight(opts->bm25_k1, opts->bm25_k2,
                                                        opts->bm25_k3, opts->bm25_b,
                                                        opts->bm25_min_normlen));
}

// The page of query in order of sort_slot's value, documents without it
// last either way, then relevance: one MSet, or (remote, ascending) two.
// A remote shard runs no key maker, and a plain sort by value puts the
// documents without one first when ascending; so there the documents with
// a value come first, sorted, and those without follow by relevance.
void sorted_msets(Xapian::Enquire &enquire, const Xapian::Query &query, bool remote,
                  const struct izde_search_opts *opts, Xapian::MSet &first,
                  Xapian::MSet &second)
{
    auto slot = static_cast<Xapian::valueno>(opts->sort_slot);
    if (!remote || opts->sort_reverse) {
        enquire.set_query(query);
        // keys must outlive the search. In it, ascending, the missing
        // value sorts as the highest key there is; descending, a missing
        // value is the lowest there is in a plain sort by value too.
        Xapian::MultiValueKeyMaker keys;
        if (remote) {
            enquire.set_sort_by_value_then_relevance(slot, true);
        } else {
            keys.add_value(slot, opts->sort_reverse != 0,
                           opts->sort_reverse ? std::string() : std::string(1, '\xff'));
            enquire.set_sort_by_key_then_relevance(&keys, false);
        }
        first = enquire.get_mset(opts->offset, opts->limit, opts->check_at_least);
        return;
    }
    // Xapian stores no empty value: every value there is sorts at or
    // above "\0", and a document without one matches no value range.
    Xapian::Query has(Xapian::Query::OP_VALUE_GE, slot, std::string(1, '\0'));
    Xapian::doccount page_end = opts->offset + opts->limit;
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, has));
    enquire.set_sort_by_value_then_relevance(slot, false);
    first = enquire.get_mset(opts->offset, opts->limit,
                             std::max<Xapian::doccount>(opts->check_at_least, page_end));
    // When the first part falls short of the page, the matcher saw all of
    // it (check_at_least reaches past the page), so its count is exact.
    Xapian::doccount with = first.get_matches_upper_bound();
    Xapian::doccount want = opts->limit - static_cast<Xapian::doccount>(first.size());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, query, has));
    enquire.set_sort_by_relevance();
    second = enquire.get_mset(want && opts->offset > with ? opts->offset - with : 0, want,
                              opts->check_at_least);
}

// The search itself; items is where the hits array lives until hits owns
// it, so that the caller frees it on failure.
izde_status_t run_search(izde_rdb_t *db, const Xapian::Query &query,
                         const struct izde_search_opts *opts, izde_hits_t *hits,
                         izde_hit_t *&items)
{
    Xapian::Enquire enquire(db->db);
    set_weighting(enquire, opts);
    // Facet i's spy: tables[i] or values[i], or neither (a prefix's facet
    // over remote shards).
    std::vector<std::unique_ptr<TableSpy>> tables(opts->nfacets);
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> values(opts->nfacets);
    for (size_t i = 0; i < opts->nfacets; i++) {
        const struct izde_facet_spec *f = &opts->facets[i];
        if (db->remote && !f->prefix)
            values[i].reset(new Xapian::ValueCountMatchSpy(f->slot));
        else if (!db->remote)
            tables[i].reset(new TableSpy(f->prefix ? term_table(db, f->prefix)
                                                   : facet_table(db, f->slot, f->list != 0)));
        if (tables[i])
            enquire.add_matchspy(tables[i].get());
        else if (values[i])
            enquire.add_matchspy(values[i].get());
    }
    Xapian::MSet first, second;
    if (opts->sort_slot >= 0) {
        sorted_msets(enquire, query, db->remote, opts, first, second);
    } else {
        enquire.set_query(query);
        first = enquire.get_mset(opts->offset, opts->limit, opts->check_at_least);
    }
    enquire.clear_matchspies();
    if (opts->nfacets) {
        std::vector<std::vector<std::pair<std::string, uint64_t>>> tops(opts->nfacets);
        for (size_t i = 0; i < opts->nfacets; i++) {
            if (values[i])
                remote_top(*values[i], opts->facets[i].list != 0, opts->facets[i].max, tops[i]);
            else if (tables[i])
                table_top(*tables[i], opts->facets[i].max, tops[i]);
        }
        if (!facets_out(tops, hits))
            return fail(db->errmsg, IZDE_ERR_NOMEM, "out of memory");
        // Every spy sees the same matches; a remote shard's own spies say
        // nothing of how many.
        for (size_t i = 0; i < opts->nfacets && !hits->examined; i++)
            hits->examined = tables[i] ? tables[i]->seen() : 0;
    }
    size_t n = first.size() + second.size();
    // Asks the kernel for every hit's record block at once, so that a
    // cold page of results waits for one round of reads, not ten. Not
    // past the first page: Xapian 1.4's MSet::fetch() indexes its items
    // from rank 0 and reads before them when the page starts later.
    // (A default-made MSet, the second of a plain search, refuses to.)
    for (Xapian::MSet *mset : { &first, &second })
        if (opts->offset == 0 && !mset->empty())
            mset->fetch();
    if (n) {
        items = static_cast<izde_hit_t *>(malloc(n * sizeof *items));
        if (!items)
            return fail(db->errmsg, IZDE_ERR_NOMEM, "out of memory");
    }
    size_t i = 0;
    for (const Xapian::MSet *mset : { &first, &second })
        for (Xapian::MSetIterator it = mset->begin(); it != mset->end() && i < n; ++it, ++i) {
            items[i].docid = *it;
            items[i].score = it.get_weight();
        }
    hits->items = items;
    hits->count = i;
    hits->estimated = first.get_matches_estimated() + second.get_matches_estimated();
    hits->lower = first.get_matches_lower_bound() + second.get_matches_lower_bound();
    hits->upper = first.get_matches_upper_bound() + second.get_matches_upper_bound();
    return IZDE_OK;
}

}  // namespace

void izde_hits_release(izde_hits_t *hits) noexcept
{
    if (!hits)
        return;
    free(hits->items);
    facets_release(hits->facets, hits->nfacets);
    hits->facets = nullptr;
    hits->nfacets = 0;
    hits->items = nullptr;
    hits->count = 0;
    hits->estimated = 0;
    hits->lower = hits->upper = 0;
    hits->examined = 0;
}

/* ---------------------------------------------------------------- maintenance */

izde_status_t izde_db_compact(const char *const *srcs, size_t n, const char *dest,
                              char **errmsg) noexcept
{
    char buf[ERRMSG_SIZE] = "";
    const char *current = nullptr;
    if (errmsg)
        *errmsg = nullptr;
    try {
        if (!srcs || n == 0 || !dest || !*dest) {
            give_errmsg(errmsg, "izde_db_compact: sources and destination are required");
            return IZDE_ERR_INVALID;
        }
        // Xapian would write into an existing directory; refuse it. Other
        // stat failures (EACCES, ENOTDIR) are left to Xapian to report.
        struct stat st;
        if (stat(dest, &st) == 0) {
            set_msg(buf, sizeof buf, "'%s': destination already exists", dest);
            give_errmsg(errmsg, buf);
            return IZDE_ERR_INVALID;
        }
        Xapian::Database db;
        for (size_t i = 0; i < n; i++) {
            current = srcs[i];
            if (!current || !*current) {
                give_errmsg(errmsg, "izde_db_compact: empty source path");
                return IZDE_ERR_INVALID;
            }
            db.add_database(Xapian::Database(current));
        }
        current = dest;
        // FULL, as xapian-compact does by default: items are split whenever
        // that saves room (2% smaller than STANDARD on the 20k benchmark
        // corpus). Not FULLER: with glass it made the termlist table 26%
        // larger, and the oversize items it allows slow later updates.
        db.compact(dest, Xapian::DBCOMPACT_MULTIPASS | Xapian::Compactor::FULL,
                   COMPACT_BLOCK_SIZE);
        return IZDE_OK;
    } catch (...) {
        izde_status_t s = status_from_exception(buf, sizeof buf, current);
        give_errmsg(errmsg, buf);
        return s;
    }
}

// Encoding: one length byte n (0..8), then v's n big-endian bytes without
// leading zeros (0 is the single byte 0x00). A number with fewer significant
// bytes is smaller and sorts first on its length byte; equal lengths compare
// byte by byte, most significant first. So byte order is numeric order, and
// small numbers (years, sizes) take 2-3 bytes instead of 8.
size_t izde_sortable_u64(uint64_t v, char *buf) noexcept
{
    if (!buf)
        return 0;
    unsigned char tmp[8];
    size_t n = 0;
    for (uint64_t x = v; x; x >>= 8)
        tmp[n++] = static_cast<unsigned char>(x & 0xff);
    buf[0] = static_cast<char>(n);
    for (size_t i = 0; i < n; i++)
        buf[1 + i] = static_cast<char>(tmp[n - 1 - i]);
    return n + 1;
}

// ---------------------------------------------------------------- stemming

struct izde_xstem {
    Xapian::Stem stem;
    std::string out;   // reused: short stems fit its inline buffer
};

izde_status_t izde_xstem_new(const char *lang, izde_xstem_t **out) noexcept
{
    if (!lang || !out)
        return IZDE_ERR_INVALID;
    *out = nullptr;
    try {
        *out = new izde_xstem{ Xapian::Stem(lang), std::string() };
        return IZDE_OK;
    } catch (const Xapian::InvalidArgumentError &) {
        return IZDE_ERR_UNSUPPORTED;
    } catch (const std::bad_alloc &) {
        return IZDE_ERR_NOMEM;
    } catch (...) {
        return IZDE_ERR_INTERNAL;
    }
}

void izde_xstem_free(izde_xstem_t *st) noexcept
{
    delete st;
}

const char *izde_xstem_stem(izde_xstem_t *st, const char *word, size_t len,
                            size_t *stem_len) noexcept
{
    if (!st || !word || !stem_len)
        return nullptr;
    try {
        st->out = st->stem(std::string(word, len));
        *stem_len = st->out.size();
        return st->out.c_str();
    } catch (...) {
        return nullptr;
    }
}

const char *izde_xapian_version(void) noexcept
{
    return Xapian::version_string();
}

namespace {

// Set before any thread starts and read once when the process is stopping:
// atomics, since the terminating thread need not be the one that set them.
std::atomic<void (*)(void *)> fatal_fn{nullptr};
std::atomic<void *> fatal_closure{nullptr};
std::terminate_handler default_terminate = nullptr;

[[noreturn]] void on_terminate() noexcept
{
    void (*fn)(void *) = fatal_fn.load();
    if (fn)
        fn(fatal_closure.load());
    std::abort();
}

}  // namespace

void izde_set_fatal_handler(void (*fn)(void *closure), void *closure) noexcept
{
    fatal_closure.store(closure);
    fatal_fn.store(fn);
    std::terminate_handler old = std::set_terminate(fn ? on_terminate : default_terminate);
    if (old != on_terminate)
        default_terminate = old;
}
