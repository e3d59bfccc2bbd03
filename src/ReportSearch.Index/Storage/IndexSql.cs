namespace ReportSearch.Index.Storage;

/// <summary>
/// Every SQL statement of the index in one place, so the schema and the queries against it are read together.
/// Migrations are ordered; <c>PRAGMA user_version</c> records how many have run.
/// </summary>
internal static class IndexSql
{
    /// <summary>Migration N (1-based) brings the schema from version N-1 to N. Never edit one that has shipped: append.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

        CREATE TABLE reports(
            id              TEXT PRIMARY KEY,
            content_hash    TEXT NOT NULL UNIQUE,
            source_path     TEXT NOT NULL UNIQUE,
            source_name     TEXT,
            format          TEXT,
            title           TEXT,
            unit_name       TEXT,
            unit_full_name  TEXT,
            city            TEXT,
            province        TEXT,
            level           TEXT,
            inspection_json TEXT NOT NULL,
            published_date  TEXT,
            issuer          TEXT,
            warnings_json   TEXT NOT NULL,
            indexed_at      TEXT NOT NULL);

        CREATE TABLE problems(
            id             TEXT PRIMARY KEY,
            report_id      TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            ordinal        INTEGER NOT NULL,
            path           TEXT NOT NULL,
            aspect         TEXT,
            headings_json  TEXT NOT NULL,
            statement      TEXT NOT NULL,
            statement_hash TEXT NOT NULL);
        CREATE INDEX ix_problems_report ON problems(report_id, ordinal);

        CREATE TABLE problem_categories(
            problem_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
            category   TEXT NOT NULL,
            rank       INTEGER NOT NULL,
            PRIMARY KEY(problem_id, category)) WITHOUT ROWID;
        CREATE INDEX ix_problem_categories_category ON problem_categories(category);

        CREATE TABLE measures(
            id              TEXT PRIMARY KEY,
            problem_id      TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
            ordinal_index   INTEGER NOT NULL,
            ordinal         TEXT,
            text            TEXT NOT NULL,
            documents_json  TEXT NOT NULL,
            quantities_json TEXT NOT NULL,
            status          TEXT);
        CREATE INDEX ix_measures_problem ON measures(problem_id, ordinal_index);

        CREATE TABLE sections(
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            ordinal   INTEGER NOT NULL,
            path      TEXT NOT NULL,
            heading   TEXT,
            text      TEXT NOT NULL,
            kind      TEXT NOT NULL,
            PRIMARY KEY(report_id, ordinal)) WITHOUT ROWID;

        -- A passage is what a search hit is: a problem (its headings, statement and measures) or one measure.
        -- Its id is the rowid of its rows in both FTS tables.
        CREATE TABLE passages(
            id         INTEGER PRIMARY KEY,
            report_id  TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            problem_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
            measure_id TEXT REFERENCES measures(id) ON DELETE CASCADE,
            kind       TEXT NOT NULL CHECK(kind IN ('problem', 'measure')));
        CREATE INDEX ix_passages_report ON passages(report_id);

        -- Pre-analysed text (space-separated terms from ITextAnalyzer), so unicode61 only splits on the spaces.
        -- Contentless with delete support: rows are removed by rowid in the same transaction as their passage.
        CREATE VIRTUAL TABLE fts_words USING fts5(heading, statement, body,
            content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
        CREATE VIRTUAL TABLE fts_bigrams USING fts5(heading, statement, body,
            content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

        CREATE TABLE embeddings(
            problem_id TEXT PRIMARY KEY REFERENCES problems(id) ON DELETE CASCADE,
            model      TEXT NOT NULL,
            vector     BLOB NOT NULL);

        CREATE TABLE models(
            name       TEXT PRIMARY KEY,
            bytes      BLOB NOT NULL,
            info       TEXT,
            trained_at TEXT NOT NULL);

        -- Editors' corrections outlive re-indexing: matched again through the statement's hash.
        CREATE TABLE category_corrections(
            id              INTEGER PRIMARY KEY,
            problem_id      TEXT NOT NULL,
            statement_hash  TEXT NOT NULL,
            categories_json TEXT NOT NULL,
            corrected_at    TEXT NOT NULL);
        CREATE INDEX ix_category_corrections_statement ON category_corrections(statement_hash);
        """,
        // 2: the reports list and the unit/date filters read reports by unit and date.
        """
        CREATE INDEX ix_reports_unit_date ON reports(unit_name, published_date);
        """,
        // 3: document frequencies per term, so a query can leave out terms found in most passages (little weight, most cost).
        """
        CREATE VIRTUAL TABLE fts_words_vocab USING fts5vocab(fts_words, 'row');
        CREATE VIRTUAL TABLE fts_bigrams_vocab USING fts5vocab(fts_bigrams, 'row');
        """,
        // 4: what kind of body the unit is (party committee, department, university, enterprise, town).
        """
        ALTER TABLE reports ADD COLUMN unit_kind TEXT;
        """,
        // 5: search moves to a Lucene index derived from these tables (SearchIndex): the FTS tables and passages go, and
        // every write appends the reports it touched to `changes`, which the search index applies and then prunes.
        // Existing reports are queued once, so an index made before this version gets its search documents on first open.
        """
        DROP TABLE fts_words_vocab;
        DROP TABLE fts_bigrams_vocab;
        DROP TABLE fts_words;
        DROP TABLE fts_bigrams;
        DROP TABLE passages;
        CREATE TABLE changes(seq INTEGER PRIMARY KEY AUTOINCREMENT, report_id TEXT NOT NULL);
        INSERT INTO changes(report_id) SELECT id FROM reports ORDER BY id;
        INSERT INTO meta(key, value) VALUES('store_id', lower(hex(randomblob(16)))) ON CONFLICT(key) DO NOTHING;
        """,
        // 6: vectors are written as 16-bit floats, half the bytes (an external model's 1,536 dimensions take 3 KB a problem,
        // not 6); rows written before keep their 32-bit floats and are read by their `bits`.
        """
        ALTER TABLE embeddings ADD COLUMN bits INTEGER NOT NULL DEFAULT 32;
        """,
        // 7: the category model's probabilities for each problem when it was categorised (JSON {category: p}); NULL for
        // problems indexed before, whose categories came without them.
        """
        ALTER TABLE problems ADD COLUMN category_scores_json TEXT;
        """,
        // 8: a vector names its model by number: the name, some 27 bytes, was repeated on every row. (Not WITHOUT ROWID:
        // problems added later have ids all over the key range, and a tree of 300-byte rows split at random runs about
        // two-thirds full; the rowid table only appends.)
        """
        CREATE TABLE embedding_models(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        INSERT INTO embedding_models(name) SELECT DISTINCT model FROM embeddings ORDER BY model;
        CREATE TABLE embeddings_8(
            problem_id TEXT PRIMARY KEY REFERENCES problems(id) ON DELETE CASCADE,
            model      INTEGER NOT NULL REFERENCES embedding_models(id),
            vector     BLOB NOT NULL,
            bits       INTEGER NOT NULL);
        INSERT INTO embeddings_8(problem_id, model, vector, bits)
        SELECT e.problem_id, m.id, e.vector, e.bits FROM embeddings e JOIN embedding_models m ON m.name = e.model;
        DROP TABLE embeddings;
        ALTER TABLE embeddings_8 RENAME TO embeddings;
        """,
        // 9: a problem's aspect is the nearest heading it sits under, the last of its headings, as the parser makes it: it is
        // kept only where it differs (InsertProblem) and read back from the headings otherwise (SelectProblemsOfReport).
        """
        UPDATE problems SET aspect = NULL WHERE aspect = headings_json ->> '$[#-1]';
        """,
        // 10: no statement looks problem categories up by category since filters moved to Lucene; the category counts
        // (SelectCategoryCounts) group the whole table, as fast without it (0.3 s either way over 445,000 rows).
        """
        DROP INDEX ix_problem_categories_category;
        """,
    ];

    public const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
    public const string ReadUserVersion = "PRAGMA user_version;";
    public static string SetUserVersion(int version) => $"PRAGMA user_version = {version};";

    // meta: generation changes on every committed write, so readers know when their cached matrices are stale.
    public const string ReadMeta = "SELECT value FROM meta WHERE key = $key;";
    public const string WriteMeta = "INSERT INTO meta(key, value) VALUES($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value;";
    public const string AddToMeta = """
        INSERT INTO meta(key, value) VALUES($key, $delta)
        ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + $delta AS TEXT);
        """;

    public const string FindReportByHash = "SELECT id FROM reports WHERE content_hash = $hash;";
    public const string FindReportBySource = "SELECT id FROM reports WHERE source_path = $source;";
    public const string UpdateReportSource = "UPDATE reports SET source_path = $source, source_name = $name WHERE id = $id;";

    public const string InsertReport = """
        INSERT INTO reports(id, content_hash, source_path, source_name, format, title, unit_name, unit_full_name, city, province,
                            level, unit_kind, inspection_json, published_date, issuer, warnings_json, indexed_at)
        VALUES($id, $hash, $source, $name, $format, $title, $unit, $fullName, $city, $province,
               $level, $unitKind, $inspection, $published, $issuer, $warnings, $indexedAt);
        """;
    public const string InsertProblem = """
        INSERT INTO problems(id, report_id, ordinal, path, aspect, headings_json, statement, statement_hash, category_scores_json)
        VALUES($id, $report, $ordinal, $path, nullif($aspect, $headings ->> '$[#-1]'), $headings, $statement, $hash, $scores);
        """;
    public const string InsertProblemCategory = "INSERT OR IGNORE INTO problem_categories(problem_id, category, rank) VALUES($problem, $category, $rank);";
    public const string DeleteProblemCategories = "DELETE FROM problem_categories WHERE problem_id = $problem;";
    public const string InsertMeasure = """
        INSERT INTO measures(id, problem_id, ordinal_index, ordinal, text, documents_json, quantities_json, status)
        VALUES($id, $problem, $index, $ordinal, $text, $documents, $quantities, $status);
        """;
    public const string InsertSection = "INSERT INTO sections(report_id, ordinal, path, heading, text, kind) VALUES($report, $ordinal, $path, $heading, $text, $kind);";

    /// <summary>A report written, replaced or removed: the search index applies it (and every change before it) on its next sync.</summary>
    public const string InsertChange = "INSERT INTO changes(report_id) VALUES($report);";
    public const string SelectChangesAfter = "SELECT seq, report_id FROM changes WHERE seq > $after ORDER BY seq LIMIT $limit;";
    public const string SelectLastChange = "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0);";
    public const string DeleteChangesThrough = "DELETE FROM changes WHERE seq <= $through;";
    public const string SelectReportExists = "SELECT 1 FROM reports WHERE id = $id;";
    public const string SelectReportIds = "SELECT id FROM reports ORDER BY id;";
    public const string CountReportProblems = "SELECT count(*) FROM problems WHERE report_id = $id;";
    public const string DeleteReport = "DELETE FROM reports WHERE id = $id;";

    public const string SelectReport = """
        SELECT id, source_path, source_name, format, title, unit_name, unit_full_name, city, province, level,
               inspection_json, published_date, issuer, warnings_json, indexed_at,
               (SELECT count(*) FROM problems p WHERE p.report_id = r.id),
               (SELECT count(*) FROM measures m JOIN problems p ON p.id = m.problem_id WHERE p.report_id = r.id),
               unit_kind
        FROM reports r
        """;
    public const string SelectReportById = SelectReport + " WHERE id = $id;";
    public const string SelectAllReports = SelectReport + " ORDER BY published_date, unit_name, id;";
    // $problems: a JSON array of problem ids to read only those (what a comparison shows of a report), or NULL for all.
    public const string SelectProblemsOfReport = """
        SELECT id, path, coalesce(aspect, headings_json ->> '$[#-1]'), headings_json, statement,
               (SELECT json_group_array(category) FROM (SELECT category FROM problem_categories c WHERE c.problem_id = p.id ORDER BY rank)),
               category_scores_json
        FROM problems p
        WHERE report_id = $id AND ($problems IS NULL OR id IN (SELECT value FROM json_each($problems)))
        ORDER BY ordinal;
        """;
    public const string SelectMeasuresOfReport = """
        SELECT m.problem_id, m.id, m.ordinal, m.text, m.documents_json, m.quantities_json, m.status
        FROM measures m JOIN problems p ON p.id = m.problem_id
        WHERE p.report_id = $id AND ($problems IS NULL OR p.id IN (SELECT value FROM json_each($problems)))
        ORDER BY p.ordinal, m.ordinal_index;
        """;
    /// <summary>
    /// The texts of a page of search hits, by kind: $problems and $measures are JSON arrays of ids, $sections of
    /// [report id, ordinal] pairs. Each row: kind, id (a section's report id), ordinal (sections only), text.
    /// </summary>
    public const string SelectShownTexts = """
        SELECT 'problem', id, 0, statement FROM problems WHERE id IN (SELECT value FROM json_each($problems))
        UNION ALL
        SELECT 'measure', id, 0, text FROM measures WHERE id IN (SELECT value FROM json_each($measures))
        UNION ALL
        SELECT 'section', s.report_id, s.ordinal, s.text
        FROM json_each($sections) j JOIN sections s ON s.report_id = j.value ->> 0 AND s.ordinal = j.value ->> 1;
        """;
    public const string SelectSectionsOfReport = "SELECT path, heading, text, kind FROM sections WHERE report_id = $id ORDER BY ordinal;";

    public const string CountReports = "SELECT count(*) FROM reports;";
    public const string CountRows = """
        SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM problems), (SELECT count(*) FROM measures),
               (SELECT count(*) FROM sections), (SELECT count(*) FROM embeddings), (SELECT count(*) FROM problem_categories);
        """;

    /// <summary>An evenly spaced sample of problems (every $step-th rowid), at most $limit: what the built-in model trains on.</summary>
    public const string SelectEmbeddingSample = """
        SELECT p.id, p.headings_json, p.statement, coalesce((SELECT group_concat(text, ' ') FROM (SELECT text FROM measures m WHERE m.problem_id = p.id ORDER BY ordinal_index)), '')
        FROM problems p WHERE p.rowid % $step = 0 ORDER BY p.rowid LIMIT $limit;
        """;
    /// <summary>Keyset-paged by problem id ($after, $limit) so the embedding pass holds one page of texts at a time.</summary>
    public const string SelectProblemsLackingEmbedding = """
        SELECT p.id, p.headings_json, p.statement, coalesce((SELECT group_concat(text, ' ') FROM (SELECT text FROM measures m WHERE m.problem_id = p.id ORDER BY ordinal_index)), '')
        FROM problems p LEFT JOIN embeddings e ON e.problem_id = p.id
        WHERE (e.model IS NULL OR e.model IS NOT (SELECT id FROM embedding_models WHERE name = $model))
          AND p.id > $after ORDER BY p.id LIMIT $limit;
        """;
    /// <summary>The number of a model's name, given it on first use (the no-op update makes RETURNING answer for a known name).</summary>
    public const string EmbeddingModelId = """
        INSERT INTO embedding_models(name) VALUES($name)
        ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id;
        """;
    public const string UpsertEmbedding = """
        INSERT INTO embeddings(problem_id, model, vector, bits) VALUES($problem, $model, $vector, $bits)
        ON CONFLICT(problem_id) DO UPDATE SET model = excluded.model, vector = excluded.vector, bits = excluded.bits;
        """;
    public const string SelectEmbeddings = """
        SELECT e.problem_id, e.vector, e.bits FROM embeddings e JOIN embedding_models m ON m.id = e.model
        WHERE m.name = $model ORDER BY e.problem_id;
        """;

    public const string UpsertModel = """
        INSERT INTO models(name, bytes, info, trained_at) VALUES($name, $bytes, $info, $trainedAt)
        ON CONFLICT(name) DO UPDATE SET bytes = excluded.bytes, info = excluded.info, trained_at = excluded.trained_at;
        """;
    public const string SelectModel = "SELECT bytes, info, trained_at FROM models WHERE name = $name;";
    public const string SelectModelInfo = "SELECT info FROM models WHERE name = $name;";

    public const string SelectStatementHash = "SELECT statement_hash FROM problems WHERE id = $problem;";
    public const string InsertCorrection = """
        INSERT INTO category_corrections(problem_id, statement_hash, categories_json, corrected_at)
        VALUES($problem, $hash, $categories, $at);
        """;
    public const string SelectReportOfProblem = "SELECT report_id FROM problems WHERE id = $problem;";
    /// <summary>Problems per category: any rank, and as primary (rank 0).</summary>
    public const string SelectCategoryCounts = "SELECT category, COUNT(*), SUM(rank = 0) FROM problem_categories GROUP BY category;";
    public const string SelectCorrections = "SELECT problem_id, statement_hash, categories_json, corrected_at FROM category_corrections ORDER BY id;";
    /// <summary>The latest correction for a statement, applied again when its report is re-indexed.</summary>
    public const string SelectLatestCorrection = "SELECT categories_json FROM category_corrections WHERE statement_hash = $hash ORDER BY id DESC LIMIT 1;";
}
