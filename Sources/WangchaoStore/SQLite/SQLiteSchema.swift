import GRDB
import WangchaoCore

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
        // Durable SLA timers: one row per step still to act on (warn at 80 %, due, reinforce),
        // derived from the case's deadlines in the same transaction as every case write. No
        // foreign key: a firing deletes its row in the transaction that records it.
        migrator.registerMigration("v6-sla-timers") { db in
            try db.execute(sql: """
                CREATE TABLE sla_timers (
                    case_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    step TEXT NOT NULL CHECK (step IN ('warn', 'due', 'reinforce')),
                    fire_at INTEGER NOT NULL,
                    PRIMARY KEY (case_id, kind, step)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX sla_timers_fire_at ON sla_timers(fire_at);
                -- Deadlines stored before had no warning or reinforcement instants: their due step only.
                INSERT INTO sla_timers (case_id, kind, step, fire_at) SELECT case_id, kind, 'due', due_at FROM case_deadlines;
                """)
        }
        migrator.registerMigration("v7-routing") { db in
            try db.execute(sql: """
                -- Every accepted routing rule file, as written; the highest version is active.
                CREATE TABLE routing_rule_sets (
                    version INTEGER PRIMARY KEY,
                    source TEXT NOT NULL,
                    saved_by TEXT NOT NULL,
                    saved_at INTEGER NOT NULL
                ) STRICT;
                CREATE TRIGGER routing_rule_sets_no_update BEFORE UPDATE ON routing_rule_sets
                BEGIN SELECT RAISE(ABORT, 'routing rule versions are kept as written'); END;

                -- One duty roster per unit, as JSON shifts.
                CREATE TABLE duty_rosters (
                    unit_id TEXT PRIMARY KEY REFERENCES units(id),
                    body TEXT NOT NULL
                ) STRICT;

                -- Why a dispatch went where it went (JSON RoutingDecision); NULL for other rows.
                ALTER TABLE transitions ADD COLUMN explanation TEXT;

                -- The person working the case; open cases per assignee are assignment's load.
                ALTER TABLE cases ADD COLUMN assignee TEXT;
                CREATE INDEX cases_assignee ON cases(assignee, state) WHERE assignee IS NOT NULL;
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
        // The unified address base: matching looks addresses up by integer keys (see
        // StandardAddressKeys), each an index probe, never a scan.
        migrator.registerMigration("v9-standard-addresses") { db in
            try db.execute(sql: """
                CREATE TABLE standard_addresses (
                    seq INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    text TEXT NOT NULL,
                    province TEXT NOT NULL,
                    city TEXT NOT NULL,
                    district TEXT NOT NULL,
                    town TEXT NOT NULL,
                    village TEXT,
                    road TEXT,
                    number TEXT,
                    building TEXT,
                    unit TEXT,
                    room TEXT,
                    district_code TEXT NOT NULL,
                    town_code TEXT NOT NULL,
                    lat REAL NOT NULL,
                    lng REAL NOT NULL,
                    micro_grid_code TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    -- hash of (district_code, road or village, number); NULL without a number
                    door_key INTEGER,
                    -- hash of the text without spaces
                    text_digest INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX standard_addresses_door ON standard_addresses(door_key, building, unit, room);
                CREATE INDEX standard_addresses_text ON standard_addresses(text_digest);
                """)
        }
        // Each user's inbox, written with the change it tells of.
        migrator.registerMigration("v10-inbox") { db in
            try db.execute(sql: """
                CREATE TABLE inbox (
                    seq INTEGER PRIMARY KEY,
                    username TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    case_number TEXT NOT NULL,
                    text TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    read_at INTEGER
                ) STRICT;
                CREATE INDEX inbox_user ON inbox(username, seq);
                CREATE INDEX inbox_unread ON inbox(username, seq) WHERE read_at IS NULL;
                """)
        }
        // Integrating systems (Open311 clients, connectors, webhook subscribers).
        migrator.registerMigration("v11-systems") { db in
            try db.execute(sql: """
                CREATE TABLE systems (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    api_key_hash TEXT NOT NULL UNIQUE,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL
                ) STRICT;
                """)
        }
        // Which case each connected system's record became: a record sent twice is one case.
        migrator.registerMigration("v12-external-records") { db in
            try db.execute(sql: """
                CREATE TABLE external_records (
                    system_id TEXT NOT NULL REFERENCES systems(id),
                    record_id TEXT NOT NULL,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    body_hash TEXT NOT NULL,
                    received_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (system_id, record_id)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX external_records_case ON external_records(case_id);
                """)
        }
        // Webhook subscriptions per system and the outbox, written with the change it tells of.
        migrator.registerMigration("v13-webhooks") { db in
            try db.execute(sql: """
                CREATE TABLE webhook_subscriptions (
                    system_id TEXT PRIMARY KEY REFERENCES systems(id),
                    url TEXT NOT NULL,
                    events TEXT NOT NULL,
                    secret TEXT NOT NULL,
                    updated_at INTEGER NOT NULL
                ) STRICT;
                CREATE TABLE webhook_outbox (
                    seq INTEGER PRIMARY KEY,
                    event_id TEXT NOT NULL,
                    system_id TEXT NOT NULL REFERENCES systems(id),
                    event TEXT NOT NULL,
                    case_id TEXT NOT NULL,
                    body TEXT NOT NULL,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER NOT NULL,
                    last_error TEXT,
                    created_at INTEGER NOT NULL,
                    delivered_at INTEGER,
                    UNIQUE (event_id, system_id)
                ) STRICT;
                CREATE INDEX webhook_outbox_due ON webhook_outbox(next_attempt_at) WHERE status = 'pending';
                CREATE INDEX webhook_outbox_dead ON webhook_outbox(system_id, seq) WHERE status = 'dead';
                """)
        }
        // The unified base's people, enterprises and facilities (人企物), each with its lineage
        // (department, table, row), found by standard address and by their own codes; cases
        // found by the standard address intake placed them at, and by point.
        migrator.registerMigration("v14-registry") { db in
            try db.execute(sql: """
                CREATE TABLE people (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    id_number TEXT NOT NULL,
                    phone TEXT,
                    address_code TEXT,
                    address_text TEXT,
                    relation TEXT,
                    registered_on TEXT,
                    department TEXT NOT NULL,
                    source_table TEXT NOT NULL,
                    source_row INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX people_address ON people(address_code, id) WHERE address_code IS NOT NULL;
                CREATE INDEX people_id_number ON people(id_number);

                CREATE TABLE enterprises (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    credit_code TEXT NOT NULL,
                    legal_representative TEXT,
                    phone TEXT,
                    industry TEXT,
                    address_code TEXT,
                    address_text TEXT,
                    established_on TEXT,
                    department TEXT NOT NULL,
                    source_table TEXT NOT NULL,
                    source_row INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX enterprises_address ON enterprises(address_code, id) WHERE address_code IS NOT NULL;
                CREATE INDEX enterprises_credit_code ON enterprises(credit_code);

                CREATE TABLE facilities (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    source_code TEXT,
                    address_code TEXT,
                    address_text TEXT,
                    department TEXT NOT NULL,
                    source_table TEXT NOT NULL,
                    source_row INTEGER NOT NULL
                ) STRICT;
                CREATE INDEX facilities_address ON facilities(address_code, id) WHERE address_code IS NOT NULL;

                CREATE INDEX cases_standard_code ON cases(json_extract(body, '$.addressCheck.standardCode'));
                CREATE INDEX cases_point ON cases(lat, lng) WHERE lat IS NOT NULL;
                """)
        }
        // The quality report of each table import, as printed.
        migrator.registerMigration("v15-import-reports") { db in
            try db.execute(sql: """
                CREATE TABLE import_reports (
                    seq INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    department TEXT NOT NULL,
                    source_table TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    body TEXT NOT NULL
                ) STRICT;
                """)
        }
        // Indicators are SQL aggregates over case columns: the tier, rework count and rating
        // become columns (kept by insert and update) in one covering index, so counting reads
        // the index and never a case's body; the history is indexed by action so 回退 and late
        // limits are found without reading every transition.
        migrator.registerMigration("v16-indicator-indexes") { db in
            try db.execute(sql: """
                ALTER TABLE cases ADD COLUMN tier TEXT NOT NULL DEFAULT '';
                ALTER TABLE cases ADD COLUMN rework_count INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE cases ADD COLUMN satisfaction INTEGER;
                UPDATE cases SET tier = coalesce(json_extract(body, '$.tier'), ''),
                    rework_count = coalesce(json_extract(body, '$.reworkCount'), 0),
                    satisfaction = json_extract(body, '$.satisfaction');
                CREATE INDEX transitions_action ON transitions(action, case_id);
                -- Covers every column an indicator reads: counting never touches a case's body.
                CREATE INDEX cases_indicators ON cases(area_code, created_at, state, source, category, tier, priority,
                    rework_count, satisfaction, likely_repeat, assigned_unit_id, assignee, id);
                """)
        }
        // The 工作台 ranks every visible case by light: each case keeps the earliest due and the
        // earliest yellow instant of its running limits (kept by insert and update), indexed
        // with the state and area the visibility filters read. The priority and category are
        // refreshed from the body here (updates did not keep them before).
        migrator.registerMigration("v17-case-urgency") { db in
            try db.execute(sql: """
                ALTER TABLE cases ADD COLUMN due_at INTEGER;
                ALTER TABLE cases ADD COLUMN warn_at INTEGER;
                UPDATE cases SET priority = coalesce(json_extract(body, '$.priority'), priority),
                    category = coalesce(json_extract(body, '$.category'), category),
                    due_at = (SELECT CAST(round(min(json_extract(value, '$.dueAt'))) AS INTEGER)
                        FROM json_each(body, '$.deadlines'));
                """)
            // The yellow instant needs the rule of ``Deadline/yellowFrom``: decoded, not in SQL.
            let rows = try Row.fetchCursor(db, sql: "SELECT seq, body FROM cases WHERE due_at IS NOT NULL")
            while let row = try rows.next() {
                let subject = try StoredJSON.decodeCase(row["body"])
                try db.execute(
                    sql: "UPDATE cases SET warn_at = ? WHERE seq = ?",
                    arguments: [subject.earliestYellow?.storedMillis, row["seq"] as Int64])
            }
            try db.execute(sql: "CREATE INDEX cases_urgency ON cases(state, area_code, due_at, warn_at, created_at)")
        }
        // Case kinds: every case names its workflow; every case before this one is kind `case`.
        // The body of an older case carries no kind and decodes as `case` too.
        migrator.registerMigration("v18-case-kind") { db in
            try db.execute(sql: """
                ALTER TABLE cases ADD COLUMN kind TEXT NOT NULL DEFAULT 'case';
                CREATE INDEX cases_kind ON cases(kind, seq);
                """)
        }
        return migrator
    }
}
