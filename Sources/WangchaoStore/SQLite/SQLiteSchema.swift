import GRDB

/// The versioned schema. Migrations are append-only: never edit a shipped one, add the next.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-spine") { db in
            try db.execute(sql: """
                CREATE TABLE areas (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    level TEXT NOT NULL,
                    parent_code TEXT REFERENCES areas(code),
                    boundary TEXT
                ) STRICT;
                CREATE INDEX areas_parent ON areas(parent_code, code);
                CREATE INDEX areas_level ON areas(level, code);

                CREATE TABLE units (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    area_code TEXT NOT NULL REFERENCES areas(code),
                    platform TEXT
                ) STRICT;
                CREATE INDEX units_area ON units(area_code);

                CREATE TABLE users (
                    username TEXT PRIMARY KEY,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    scope TEXT NOT NULL,
                    unit_id TEXT REFERENCES units(id),
                    disabled INTEGER NOT NULL DEFAULT 0
                ) STRICT;

                -- One row per case: the columns filters use, and the whole case as JSON.
                -- seq orders pages: new cases get higher values, so inserts never shift later pages.
                CREATE TABLE cases (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    number TEXT NOT NULL UNIQUE,
                    state TEXT NOT NULL,
                    area_code TEXT NOT NULL,
                    category TEXT NOT NULL,
                    source TEXT NOT NULL,
                    priority TEXT NOT NULL,
                    assigned_unit_id TEXT,
                    reporter_phone TEXT,
                    search_text TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    body TEXT NOT NULL
                ) STRICT;
                CREATE INDEX cases_area ON cases(area_code);
                CREATE INDEX cases_state ON cases(state);
                CREATE INDEX cases_created ON cases(created_at);
                CREATE INDEX cases_phone ON cases(reporter_phone) WHERE reporter_phone IS NOT NULL;

                -- Units that are or were assigned or cooperating: who else sees a case.
                CREATE TABLE case_units (
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    unit_id TEXT NOT NULL,
                    PRIMARY KEY (unit_id, case_id)
                ) STRICT, WITHOUT ROWID;

                -- The append-only history.
                CREATE TABLE transitions (
                    seq INTEGER PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    version INTEGER NOT NULL,
                    from_state TEXT,
                    to_state TEXT NOT NULL,
                    action TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    actor_role TEXT,
                    at INTEGER NOT NULL,
                    note TEXT,
                    attachments TEXT NOT NULL,
                    payload TEXT,
                    UNIQUE (case_id, version)
                ) STRICT;
                CREATE TRIGGER transitions_no_update BEFORE UPDATE ON transitions
                BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END;
                CREATE TRIGGER transitions_no_delete BEFORE DELETE ON transitions
                BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END;

                -- Running time limits, for the scheduler.
                CREATE TABLE case_deadlines (
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    kind TEXT NOT NULL,
                    due_at INTEGER NOT NULL,
                    PRIMARY KEY (case_id, kind)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX case_deadlines_due ON case_deadlines(due_at);

                CREATE TABLE case_counters (
                    day TEXT PRIMARY KEY,
                    last INTEGER NOT NULL
                ) STRICT;

                CREATE TABLE idempotency_keys (
                    actor TEXT NOT NULL,
                    key TEXT NOT NULL,
                    request_hash TEXT NOT NULL,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    created_at INTEGER NOT NULL,
                    PRIMARY KEY (actor, key)
                ) STRICT, WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2-attachments") { db in
            try db.execute(sql: """
                -- Metadata of uploaded files; the bytes live in <data dir>/attachments by sha256,
                -- shared by every upload of the same content.
                CREATE TABLE attachments (
                    id TEXT PRIMARY KEY,
                    sha256 TEXT NOT NULL,
                    content_type TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    uploaded_by TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX attachments_sha256 ON attachments(sha256);

                -- Which cases name an attachment (at intake or in a transition): who else sees it.
                -- Ids named by cases written before this migration referenced no stored file
                -- and stay unlinked.
                CREATE TABLE case_attachments (
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    attachment_id TEXT NOT NULL REFERENCES attachments(id),
                    PRIMARY KEY (attachment_id, case_id)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX case_attachments_case ON case_attachments(case_id);
                """)
        }
        migrator.registerMigration("v3-accounts") { db in
            try db.execute(sql: """
                -- scrypt in its self-describing form ($scrypt$ln=…,r=…,p=…$salt$hash); NULL: no password sign-in.
                ALTER TABLE users ADD COLUMN password_hash TEXT;

                -- Bearer tokens and cookie sessions: only the SHA-256 of the secret is kept.
                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY,
                    username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('bearer', 'cookie')),
                    csrf_token TEXT,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    client_address TEXT
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX sessions_user ON sessions(username);
                CREATE INDEX sessions_expiry ON sessions(expires_at);
                """)
        }
        migrator.registerMigration("v4-audit") { db in
            try db.execute(sql: """
                -- Who did what, when, from where: append-only, each row chained to the previous by hash.
                CREATE TABLE audit_log (
                    seq INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    role TEXT,
                    client_address TEXT,
                    action TEXT NOT NULL,
                    target TEXT,
                    detail TEXT,
                    previous_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                ) STRICT;
                CREATE INDEX audit_log_target ON audit_log(target) WHERE target IS NOT NULL;
                CREATE INDEX audit_log_actor ON audit_log(actor, at);
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

                -- The last row's number and hash, so that deleting rows at the end is found too.
                CREATE TABLE audit_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    seq INTEGER NOT NULL,
                    hash TEXT NOT NULL
                ) STRICT;
                """)
        }
        // Personal data is stored once: the phone filter keeps a digest, not a second copy.
        migrator.registerMigration("v5-phone-digest") { db in
            try db.execute(sql: "ALTER TABLE cases ADD COLUMN reporter_phone_digest TEXT")
            let phones = try Row.fetchAll(db, sql: "SELECT seq, reporter_phone FROM cases WHERE reporter_phone IS NOT NULL")
            for row in phones {
                try db.execute(
                    sql: "UPDATE cases SET reporter_phone_digest = ? WHERE seq = ?",
                    arguments: [PhoneDigest.of(row["reporter_phone"]), row["seq"]])
            }
            try db.execute(sql: """
                DROP INDEX cases_phone;
                ALTER TABLE cases DROP COLUMN reporter_phone;
                CREATE INDEX cases_phone_digest ON cases(reporter_phone_digest) WHERE reporter_phone_digest IS NOT NULL;
                """)
        }
        // Repeat detection at intake: the point, an address digest and the flag as columns, so
        // candidates are found through indexes (category and time, then a bounding box; address
        // or phone digest and time) and repeat rates are counted without reading bodies.
        migrator.registerMigration("v8-repeats") { db in
            try db.execute(sql: """
                ALTER TABLE cases ADD COLUMN lat REAL;
                ALTER TABLE cases ADD COLUMN lng REAL;
                ALTER TABLE cases ADD COLUMN address_digest TEXT;
                ALTER TABLE cases ADD COLUMN likely_repeat INTEGER NOT NULL DEFAULT 0;
                UPDATE cases SET lat = json_extract(body, '$.location.lat'), lng = json_extract(body, '$.location.lng'),
                    likely_repeat = coalesce(json_extract(body, '$.likelyRepeat'), 0);
                """)
            let addresses = try Row.fetchAll(db, sql: "SELECT seq, json_extract(body, '$.location.address') AS address FROM cases")
            for row in addresses {
                guard let digest = AddressDigest.of(row["address"]) else { continue }
                try db.execute(sql: "UPDATE cases SET address_digest = ? WHERE seq = ?", arguments: [digest, row["seq"]])
            }
            try db.execute(sql: """
                CREATE INDEX cases_category_created ON cases(category, created_at);
                CREATE INDEX cases_address_digest ON cases(address_digest, created_at) WHERE address_digest IS NOT NULL;
                DROP INDEX cases_phone_digest;
                CREATE INDEX cases_phone_digest ON cases(reporter_phone_digest, created_at)
                    WHERE reporter_phone_digest IS NOT NULL;
                """)
        }
        return migrator
    }
}
