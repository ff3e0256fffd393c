"""Numbered schema migrations; PRAGMA user_version records how far a case.db has come."""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: the data model of DESIGN.md.
    """
    CREATE TABLE media (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        size_bytes INTEGER NOT NULL,
        kind TEXT,                      -- video | audio | image | NULL when unreadable
        path TEXT NOT NULL,             -- relative to the case folder where possible
        original_name TEXT NOT NULL,
        duration_s REAL,
        fps REAL,
        width INTEGER,
        height INTEGER,
        video_codec TEXT,
        audio_codec TEXT,
        container TEXT,
        has_audio INTEGER NOT NULL DEFAULT 0,
        ingested_utc TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',   -- pending | analyzing | analyzed | failed
        error TEXT,
        warning TEXT,
        speech_done_s REAL NOT NULL DEFAULT 0,     -- resume point of transcription
        speech_model TEXT,
        speech_model_sha256 TEXT,
        device TEXT,
        compute_type TEXT,
        language TEXT
    );
    CREATE TABLE segment (
        id INTEGER PRIMARY KEY,
        media_id INTEGER NOT NULL REFERENCES media(id),
        start_s REAL NOT NULL,
        end_s REAL NOT NULL,
        text TEXT NOT NULL,
        language TEXT,
        confidence REAL,
        no_speech_prob REAL,
        words TEXT                      -- JSON list of {start, end, word, probability}
    );
    CREATE INDEX segment_media_time ON segment(media_id, start_s);
    CREATE TABLE frame_text (
        id INTEGER PRIMARY KEY,
        media_id INTEGER NOT NULL REFERENCES media(id),
        start_s REAL,
        end_s REAL,
        box TEXT,
        text TEXT NOT NULL,
        confidence REAL
    );
    CREATE INDEX frame_text_media_time ON frame_text(media_id, start_s);
    CREATE TABLE detection (
        id INTEGER PRIMARY KEY,
        media_id INTEGER NOT NULL REFERENCES media(id),
        start_s REAL,
        end_s REAL,
        source TEXT NOT NULL,           -- speech | ocr | image
        category TEXT NOT NULL,
        score REAL NOT NULL,
        matched TEXT,                   -- JSON list of matched terms
        text TEXT,
        model_id TEXT,
        model_sha256 TEXT,
        flag_id INTEGER REFERENCES flag(id)
    );
    CREATE INDEX detection_media ON detection(media_id, start_s);
    CREATE TABLE flag (
        id INTEGER PRIMARY KEY,
        media_id INTEGER NOT NULL REFERENCES media(id),
        start_s REAL,
        end_s REAL,
        category TEXT NOT NULL,
        score REAL NOT NULL,
        source TEXT NOT NULL,
        text TEXT,
        status TEXT NOT NULL DEFAULT 'pending',  -- pending | confirmed | rejected | unsure
        reviewer TEXT,
        note TEXT,
        decided_utc TEXT
    );
    CREATE INDEX flag_media ON flag(media_id, start_s);
    CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        utc TEXT NOT NULL,
        officer TEXT NOT NULL,
        workstation TEXT NOT NULL,
        action TEXT NOT NULL,
        payload TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    -- The audit log is append-only: the database itself refuses edits and deletions.
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    """,
    # 2: detection provenance on flags, OCR boxes on detections, vision resume point.
    """
    ALTER TABLE flag ADD COLUMN play_from_s REAL;     -- start minus lead-in, never below 0
    ALTER TABLE flag ADD COLUMN matched TEXT;         -- JSON list of matched terms
    ALTER TABLE flag ADD COLUMN models TEXT;          -- JSON list of {name, sha256}
    ALTER TABLE flag ADD COLUMN created_utc TEXT;
    ALTER TABLE flag ADD COLUMN updated_utc TEXT;
    ALTER TABLE detection ADD COLUMN box TEXT;        -- JSON [x0, y0, x1, y1] for OCR
    ALTER TABLE detection ADD COLUMN frame_text_id INTEGER REFERENCES frame_text(id);
    ALTER TABLE detection ADD COLUMN segment_id INTEGER REFERENCES segment(id);
    ALTER TABLE media ADD COLUMN vision_done INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE media ADD COLUMN vision_done_s REAL NOT NULL DEFAULT 0;  -- resume point of OCR
    ALTER TABLE media ADD COLUMN vision_model TEXT;
    CREATE INDEX detection_flag ON detection(flag_id);
    CREATE INDEX flag_status ON flag(status);
    """,
    # 3: speech engines. Each segment and detection names the engine (model) that heard it; each
    # engine keeps its own resume point and decoding settings per media, so `both` resumes exactly.
    """
    ALTER TABLE segment ADD COLUMN engine TEXT;
    ALTER TABLE detection ADD COLUMN engine TEXT;
    CREATE TABLE speech_pass (
        media_id INTEGER NOT NULL REFERENCES media(id),
        engine TEXT NOT NULL,           -- model name (faster-whisper-base, vietasr-conformer-ctc)
        kind TEXT,                      -- whisper | vietasr
        model_sha256 TEXT,
        settings TEXT,                  -- JSON decoding settings
        done_s REAL NOT NULL DEFAULT 0, -- resume point of this engine
        PRIMARY KEY (media_id, engine)
    );
    UPDATE segment SET engine = (SELECT speech_model FROM media WHERE media.id = segment.media_id);
    INSERT INTO speech_pass (media_id, engine, kind, model_sha256, done_s)
        SELECT id, speech_model, 'whisper', speech_model_sha256, speech_done_s FROM media
        WHERE speech_model IS NOT NULL;
    """,
    # 4: officer span/category edits: an edited flag is the officer's, re-detection keeps it.
    """
    ALTER TABLE flag ADD COLUMN edited_by TEXT;
    ALTER TABLE flag ADD COLUMN edited_utc TEXT;
    """,
    # 5: both sides of a merge conflict, shown on the flag until an officer decides
    # it; results of a cluster's workers, stored as they arrive and applied in order.
    """
    ALTER TABLE flag ADD COLUMN conflict TEXT;        -- JSON {here, other}; NULL when none
    CREATE TABLE analysis_range (
        media_id INTEGER NOT NULL REFERENCES media(id),
        plan_sha256 TEXT NOT NULL,                    -- the file's split into ranges
        range_index INTEGER NOT NULL,
        range_count INTEGER NOT NULL,
        payload TEXT,                                 -- JSON as it arrived; cleared once applied
        payload_sha256 TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        worker TEXT,
        received_utc TEXT NOT NULL,
        applied INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (media_id, plan_sha256, range_index)
    );
    """,
    # officer transcript corrections: stored beside the machine text (segment.text is never
    # rewritten); append-only history, the latest row per segment is the one shown.
    """
    CREATE TABLE segment_correction (
        id INTEGER PRIMARY KEY,
        segment_id INTEGER NOT NULL REFERENCES segment(id),
        media_id INTEGER NOT NULL REFERENCES media(id),
        text TEXT NOT NULL,             -- the officer's text for the whole segment
        machine_text TEXT NOT NULL,     -- the recogniser's text it corrects (as stored)
        officer TEXT NOT NULL,
        utc TEXT NOT NULL,
        audit_hash TEXT                 -- the segment.correct entry that made it
    );
    CREATE INDEX segment_correction_segment ON segment_correction (segment_id, id);
    """,
    # Trust the record: the key that signed each audit entry (officer or workstation) and its
    # Ed25519 signature over the case id and the entry's hash; NULL in entries written before.
    """
    ALTER TABLE audit ADD COLUMN key_id TEXT;
    ALTER TABLE audit ADD COLUMN public_key TEXT;
    ALTER TABLE audit ADD COLUMN signature TEXT;
    """,
    # identifiers (who is behind it): occurrences of phones, accounts, links... derived from the
    # case's text and from QR codes in its pictures; an officer's relevance mark per identifier.
    """
    CREATE TABLE identifier (
        id INTEGER PRIMARY KEY,
        media_id INTEGER NOT NULL REFERENCES media(id),
        start_s REAL,                   -- NULL for a screenshot
        end_s REAL,
        source TEXT NOT NULL,           -- ocr | qr | speech
        origin_id INTEGER,              -- frame_text.id or segment.id it was read from
        raw TEXT NOT NULL,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,            -- normalised (E.164, bare domain, digits...)
        display TEXT NOT NULL,
        bank TEXT,
        confidence REAL NOT NULL,
        details TEXT                    -- JSON (VietQR amount and message, wallet chain...)
    );
    CREATE INDEX identifier_value ON identifier(kind, value);
    CREATE INDEX identifier_media ON identifier(media_id, start_s);
    CREATE TABLE identifier_scan (      -- which media's pictures were read for QR codes
        media_id INTEGER PRIMARY KEY REFERENCES media(id),
        scanned_utc TEXT NOT NULL
    );
    CREATE TABLE identifier_mark (
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        relevant INTEGER NOT NULL,
        officer TEXT NOT NULL,
        marked_utc TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (kind, value)
    );
    """,
    # Speech no engine could transcribe (nothing heard is silently lost): a visible segment
    # "[không nghe rõ / unintelligible]" the officer can play; detection skips it.
    """
    ALTER TABLE segment ADD COLUMN unintelligible INTEGER NOT NULL DEFAULT 0;
    """,
    # Meaning, not only words: every detection and flag says why, in words an officer can check
    # (matched terms, the pattern, or "meaning close to: «…»" naming the nearest example).
    """
    ALTER TABLE detection ADD COLUMN why TEXT;
    ALTER TABLE flag ADD COLUMN why TEXT;
    -- and search by meaning: one int8 sentence vector (+ scale) per speech segment / screen line.
    CREATE TABLE sentence_vector (
        source TEXT NOT NULL,           -- speech (segment.id) | ocr (frame_text.id)
        item_id INTEGER NOT NULL,
        media_id INTEGER NOT NULL REFERENCES media(id),
        text_sha TEXT NOT NULL,         -- of the text embedded: a rewritten line is re-embedded
        vec BLOB NOT NULL,              -- 384 x int8
        scale REAL NOT NULL,
        PRIMARY KEY (source, item_id)
    );
    """,
    # Perceptual links: the PDQ hash of each screenshot and of each scene-change keyframe of a
    # video (reviewer/identifiers/pictures.py), so the same picture is found in other cases.
    """
    CREATE TABLE picture_hash (
        id INTEGER PRIMARY KEY,
        media_id INTEGER NOT NULL REFERENCES media(id),
        start_s REAL,                   -- NULL for a screenshot
        end_s REAL,
        pdq TEXT NOT NULL,              -- 256 bits as 64 hex digits
        quality INTEGER NOT NULL        -- PDQ's own 0-100; under 50 is never matched
    );
    CREATE INDEX picture_hash_media ON picture_hash(media_id, start_s);
    """,
]


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Apply pending migrations, each in its own transaction; return the resulting version."""
    version = current_version(conn)
    if version > len(MIGRATIONS):
        raise RuntimeError(
            f"case.db has schema version {version}, newer than this program knows "
            f"({len(MIGRATIONS)}): update the program before opening this case."
        )
    for number in range(version + 1, len(MIGRATIONS) + 1):
        script = MIGRATIONS[number - 1]
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
    return current_version(conn)
