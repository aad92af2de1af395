namespace CchcExtract.Storage;

/// <summary>
/// The SQLite schema of a <see cref="PlanStore"/>. One row per document, its source lines (provenance),
/// outline sections, body paragraphs and task records; agencies are a shared table linked to tasks by
/// role (lead / support). <c>items</c> lists every searchable unit (a task or a paragraph) with the
/// fields facets count (copied from its task, so counting needs no join). Each item points to its
/// <em>wording</em>: the distinct searchable texts, one FTS5 row each. Plans copy their city's template,
/// so many items share a wording (10,000 generated plans: 470k items, ~96k wordings); matching and
/// bm25 ranking run once per wording, then fan out to its items. The FTS5 index <c>search</c> (rowid =
/// wording id) holds two columns: <c>exact</c> (NFC, traditional tone placement, lower case) and
/// <c>folded</c> (<see cref="Text.VietnameseText.Fold"/>: no diacritics, đ→d). The tokenizer keeps
/// diacritics (<c>remove_diacritics 0</c>) so the exact column stays exact; folding is done by us
/// because FTS5 does not fold đ.
/// </summary>
internal static class Schema
{
    /// <summary>Bump when the layout changes; <see cref="PlanStore.Open"/> refuses other versions.</summary>
    public const int Version = 2;

    /// <summary>bm25 weight of the exact-accent column relative to the folded one.</summary>
    public const double ExactWeight = 4.0;

    public const string Ddl = """
        CREATE TABLE schema_version (version INTEGER NOT NULL);

        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            format TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            document_type TEXT NOT NULL,
            issued_document_type TEXT,
            number TEXT,
            issue_date TEXT,
            issuing_unit TEXT,
            unit_level TEXT NOT NULL,
            commune TEXT,
            commune_key TEXT,
            province TEXT,
            province_key TEXT,
            period_raw TEXT,
            period_start TEXT,
            period_end TEXT,
            title TEXT,
            signer TEXT,
            signer_title TEXT,
            legal_bases TEXT NOT NULL
        );
        CREATE INDEX documents_commune ON documents(commune_key);
        CREATE INDEX documents_province ON documents(province_key);

        -- Every line as read, one row per document (see LineCodec): raw text, the normalised/repaired
        -- text when it differs, page, box and repair confidence.
        CREATE TABLE lines (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            lines TEXT NOT NULL
        );

        CREATE TABLE sections (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            path TEXT NOT NULL,
            marker TEXT NOT NULL,
            kind TEXT NOT NULL,
            level INTEGER NOT NULL,
            title TEXT NOT NULL,
            source_file TEXT NOT NULL,
            source_line INTEGER NOT NULL,
            source_page INTEGER,
            source_box TEXT
        );
        CREATE INDEX sections_document ON sections(document_id);

        CREATE TABLE paragraphs (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            section_path TEXT NOT NULL,
            text TEXT NOT NULL,
            source_file TEXT NOT NULL,
            source_line INTEGER NOT NULL,
            source_page INTEGER,
            source_box TEXT
        );
        CREATE INDEX paragraphs_document ON paragraphs(document_id);

        CREATE TABLE agencies (
            id INTEGER PRIMARY KEY,
            printed TEXT NOT NULL,
            canonical TEXT NOT NULL,
            canonical_key TEXT NOT NULL,
            is_generic INTEGER NOT NULL,
            UNIQUE (printed, canonical, is_generic)
        );
        CREATE INDEX agencies_canonical ON agencies(canonical_key);

        CREATE TABLE tasks (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            number TEXT NOT NULL,
            text TEXT NOT NULL,
            objective TEXT,
            parent_task TEXT,
            deadline_raw TEXT NOT NULL,
            deadline_kind TEXT NOT NULL,
            deadline_start TEXT,
            deadline_end TEXT,
            product TEXT,
            targets TEXT NOT NULL,
            area TEXT NOT NULL,
            section_path TEXT NOT NULL,
            origin TEXT NOT NULL,
            source_file TEXT NOT NULL,
            source_line INTEGER NOT NULL,
            source_page INTEGER,
            source_box TEXT
        );
        CREATE INDEX tasks_document ON tasks(document_id);
        CREATE INDEX tasks_area ON tasks(area);

        -- role 0 = lead (chủ trì), 1 = support (phối hợp); ord keeps the printed order.
        CREATE TABLE task_agencies (
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            role INTEGER NOT NULL,
            ord INTEGER NOT NULL,
            agency_id INTEGER NOT NULL REFERENCES agencies(id),
            PRIMARY KEY (task_id, role, ord)
        ) WITHOUT ROWID;
        CREATE INDEX task_agencies_agency ON task_agencies(agency_id, role);

        """ + IndexDdl;

    /// <summary>
    /// The search index: wordings, items and the FTS5 tables. Derived from the tables above, so a store
    /// of an older layout is migrated by rebuilding just this part (<see cref="PlanStore"/> does it on open).
    /// </summary>
    public const string IndexDdl = """
        -- A distinct searchable text; id = rowid in `search`. hash = first 16 bytes of SHA-256 of the
        -- exact column's text; refs = items using it (the row and its index entry go when none do).
        CREATE TABLE wordings (
            id INTEGER PRIMARY KEY,
            hash BLOB NOT NULL UNIQUE,
            refs INTEGER NOT NULL
        );
        CREATE INDEX wordings_unused ON wordings(id) WHERE refs <= 0;

        -- A searchable unit: a task (task_id set) or a paragraph (paragraph_id set). The task's area and
        -- deadline kind (FacetCode numbers), deadline year (of the interval's end) and lead agency are
        -- copied here for filters and facets.
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            task_id INTEGER,
            paragraph_id INTEGER,
            wording_id INTEGER NOT NULL REFERENCES wordings(id),
            area INTEGER,
            lead_agency_id INTEGER,
            deadline_kind INTEGER,
            deadline_year INTEGER
        );
        CREATE INDEX items_document ON items(document_id);
        -- Covers what matching, filters and facets read from an item, so a match fans out to its
        -- items without touching the table.
        CREATE INDEX items_wording ON items(wording_id, document_id, task_id, area, lead_agency_id, deadline_kind, deadline_year);

        CREATE VIRTUAL TABLE search USING fts5(
            exact, folded,
            content = '', contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 0'
        );
        INSERT INTO search(search, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
        -- The index vocabulary (term, documents, occurrences): for "did you mean" suggestions.
        CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search, 'row');
        """;
}
