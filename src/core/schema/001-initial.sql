-- Schema 1: every record of the station.
--
-- Conventions: dates TEXT 'YYYY-MM-DD', date-times TEXT 'YYYY-MM-DD HH:MM'
-- (local time), money INTEGER fen, flags INTEGER 0/1.  Records are
-- soft-deleted (deleted_at); registers (villages, committees, mediators) are
-- retired with active_until and never deleted once used.  created_at and
-- updated_at are 'YYYY-MM-DD HH:MM:SS'.

-- Station settings: county, township, station, head, reviewer, clerk, phone,
-- aid-limit-days, adviser-min-visits, adviser-min-hours,
-- mediation-limit-days, follow-up-days, report-due-day.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- The holiday calendar: a holiday (workday = 0) or a make-up working day
-- (workday = 1) that changes the Monday–Friday rule.
CREATE TABLE holidays (
  date    TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  workday INTEGER NOT NULL DEFAULT 0 CHECK (workday IN (0, 1)),
  note    TEXT
) WITHOUT ROWID;

-- Code tables, one kind per list of domain.md.  report_row is the row (or,
-- for channel and consult_result, the column) of the monthly forms that the
-- label counts in; a retired label (active = 0) keeps it.
CREATE TABLE codes (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL,
  label      TEXT NOT NULL CHECK (label <> ''),
  sort_order INTEGER NOT NULL,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  report_row TEXT NOT NULL,
  UNIQUE (kind, label)
);
CREATE INDEX codes_kind ON codes (kind, sort_order);

-- Per-year (and per-committee) sequences behind 编号, 案号 and 登记号.  A
-- number once given is never given again, deleted record or not.
CREATE TABLE sequences (
  scope TEXT NOT NULL,     -- 'consultation', 'legal_aid', 'case:<committee id>'
  year  INTEGER NOT NULL,
  last  INTEGER NOT NULL CHECK (last >= 0),
  PRIMARY KEY (scope, year)
) WITHOUT ROWID;

CREATE TABLE villages (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (name <> ''),
  kind         TEXT NOT NULL CHECK (kind IN ('村', '社区')),
  area_code    TEXT CHECK (area_code IS NULL OR
                           (length (area_code) = 12 AND area_code NOT GLOB '*[^0-9]*')),
  active_from  TEXT,
  active_until TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  CHECK (active_from IS NULL OR active_until IS NULL OR active_until >= active_from)
);
CREATE UNIQUE INDEX villages_name ON villages (name) WHERE deleted_at IS NULL;

CREATE TABLE staff (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (name <> ''),
  role       TEXT NOT NULL DEFAULT '工作人员' CHECK (role IN ('所长', '工作人员')),
  phone      TEXT,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX staff_name ON staff (name) WHERE deleted_at IS NULL;

CREATE TABLE committees (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (name <> ''),
  short_name   TEXT NOT NULL CHECK (short_name <> ''),
  type_id      INTEGER NOT NULL REFERENCES codes (id),        -- kind committee_type
  village_id   INTEGER REFERENCES villages (id),
  active_from  TEXT,
  active_until TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  CHECK (active_from IS NULL OR active_until IS NULL OR active_until >= active_from)
);
CREATE UNIQUE INDEX committees_name ON committees (name) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX committees_short_name ON committees (short_name) WHERE deleted_at IS NULL;

CREATE TABLE mediators (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (name <> ''),
  sex          TEXT CHECK (sex IN ('男', '女')),
  phone        TEXT,
  committee_id INTEGER NOT NULL REFERENCES committees (id),
  full_time    INTEGER NOT NULL DEFAULT 0 CHECK (full_time IN (0, 1)),  -- 专职 / 兼职
  active_from  TEXT,
  active_until TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT,
  CHECK (active_from IS NULL OR active_until IS NULL OR active_until >= active_from)
);
CREATE UNIQUE INDEX mediators_name ON mediators (name, committee_id) WHERE deleted_at IS NULL;
CREATE INDEX mediators_committee ON mediators (committee_id);

-- The register of people and organisations (当事人), shared by every record.
CREATE TABLE people (
  id                  INTEGER PRIMARY KEY,
  kind                TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'org')),
  name                TEXT NOT NULL CHECK (name <> ''),
  sex                 TEXT CHECK (sex IN ('男', '女')),
  birth_date          TEXT,
  ethnicity           TEXT,         -- full GB 3304 name; NULL: 汉族 for citizens, unknown for foreigners
  id_type             TEXT NOT NULL DEFAULT '居民身份证'
                      CHECK (id_type IN ('居民身份证', '护照', '其他', '统一社会信用代码')),
  id_number           TEXT,
  id_old              INTEGER NOT NULL DEFAULT 0 CHECK (id_old IN (0, 1)),  -- 15-digit number
  phone               TEXT,
  address             TEXT,
  village_id          INTEGER REFERENCES villages (id),
  legal_rep           TEXT,         -- organisations: 法定代表人
  is_disabled         INTEGER NOT NULL DEFAULT 0 CHECK (is_disabled IN (0, 1)),
  is_migrant_worker   INTEGER NOT NULL DEFAULT 0 CHECK (is_migrant_worker IN (0, 1)),
  is_farmer           INTEGER NOT NULL DEFAULT 0 CHECK (is_farmer IN (0, 1)),
  is_military         INTEGER NOT NULL DEFAULT 0 CHECK (is_military IN (0, 1)),
  is_foreigner        INTEGER NOT NULL DEFAULT 0 CHECK (is_foreigner IN (0, 1)),
  notes               TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  deleted_at          TEXT,
  CHECK (kind = 'person' OR id_type IN ('统一社会信用代码', '其他')),
  CHECK (kind = 'org' OR id_type <> '统一社会信用代码')
);
CREATE UNIQUE INDEX people_id_number ON people (id_type, id_number)
  WHERE id_number IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX people_phone ON people (phone, name) WHERE phone IS NOT NULL;
CREATE INDEX people_name ON people (name);

-- 法律咨询登记台账
CREATE TABLE consultations (
  id              INTEGER PRIMARY KEY,
  number          TEXT NOT NULL UNIQUE,       -- ZX2026-0001
  year            INTEGER NOT NULL,
  seq             INTEGER NOT NULL CHECK (seq > 0),
  at              TEXT NOT NULL,              -- 日期时间
  staff_id        INTEGER NOT NULL REFERENCES staff (id),      -- 接待人
  channel_id      INTEGER NOT NULL REFERENCES codes (id),      -- kind channel
  person_id       INTEGER REFERENCES people (id),              -- NULL: anonymous
  companions      INTEGER NOT NULL DEFAULT 1 CHECK (companions >= 1),  -- 同来人数, visitor included
  village_id      INTEGER REFERENCES villages (id),
  category_id     INTEGER NOT NULL REFERENCES codes (id),      -- kind consult_category
  content         TEXT NOT NULL DEFAULT '',
  reply           TEXT,
  result_id       INTEGER NOT NULL REFERENCES codes (id),      -- kind consult_result
  case_id         INTEGER REFERENCES mediation_cases (id),     -- 引导人民调解
  aid_id          INTEGER REFERENCES legal_aid (id),           -- 指导申请法律援助
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT,
  UNIQUE (year, seq),
  CHECK (year = CAST (substr (at, 1, 4) AS INTEGER))
);
CREATE INDEX consultations_at ON consultations (at) WHERE deleted_at IS NULL;
CREATE INDEX consultations_person ON consultations (person_id);

-- 人民调解案件
CREATE TABLE mediation_cases (
  id                   INTEGER PRIMARY KEY,
  number               TEXT NOT NULL UNIQUE,  -- （2026）青山人调字第12号
  year                 INTEGER NOT NULL,
  seq                  INTEGER NOT NULL CHECK (seq > 0),
  committee_id         INTEGER NOT NULL REFERENCES committees (id),
  accepted_on          TEXT NOT NULL,         -- 受理日期
  registrar_id         INTEGER REFERENCES staff (id),          -- 承办人 who registered it
  source_id            INTEGER NOT NULL REFERENCES codes (id), -- kind case_source
  dispute_type_id      INTEGER NOT NULL REFERENCES codes (id), -- kind dispute_type
  difficulty_id        INTEGER REFERENCES codes (id),          -- kind difficulty
  risk_id              INTEGER REFERENCES codes (id),          -- kind risk
  party_count          INTEGER NOT NULL DEFAULT 0 CHECK (party_count >= 0),  -- 涉及当事人数
  party_count_manual   INTEGER NOT NULL DEFAULT 0 CHECK (party_count_manual IN (0, 1)),
  summary              TEXT NOT NULL DEFAULT '',   -- 纠纷简要情况
  request              TEXT,                       -- 申请事项
  status               TEXT NOT NULL DEFAULT '已受理'
                       CHECK (status IN ('已受理', '调解中', '调解成功', '调解不成功', '终止')),
  closed_on            TEXT,                       -- 结案日期
  agreement_form       TEXT CHECK (agreement_form IN ('口头', '书面')),
  agreement_content    TEXT,
  agreement_amount     INTEGER CHECK (agreement_amount >= 0),   -- fen
  performance_manner   TEXT,                       -- 履行方式
  performance_term     TEXT,                       -- 履行期限
  performance_id       INTEGER REFERENCES codes (id),           -- kind performance
  confirmed_on         TEXT,                       -- 司法确认日期
  prevent_suicide      INTEGER NOT NULL DEFAULT 0 CHECK (prevent_suicide >= 0),
  prevent_criminal     INTEGER NOT NULL DEFAULT 0 CHECK (prevent_criminal >= 0),
  prevent_petition     INTEGER NOT NULL DEFAULT 0 CHECK (prevent_petition >= 0),
  prevent_fight        INTEGER NOT NULL DEFAULT 0 CHECK (prevent_fight >= 0),
  retention            TEXT CHECK (retention IN ('短期', '长期', '永久')),  -- 卷宗保管期限
  filed_on             TEXT,                       -- 立卷日期
  consultation_id      INTEGER REFERENCES consultations (id),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  deleted_at           TEXT,
  UNIQUE (committee_id, year, seq),
  CHECK (year = CAST (substr (accepted_on, 1, 4) AS INTEGER)),
  CHECK ((status IN ('调解成功', '调解不成功', '终止')) = (closed_on IS NOT NULL)),
  CHECK (closed_on IS NULL OR closed_on >= accepted_on),
  CHECK (agreement_form IS NULL OR status = '调解成功'),
  CHECK (confirmed_on IS NULL OR (closed_on IS NOT NULL AND confirmed_on >= closed_on))
);
CREATE INDEX cases_accepted ON mediation_cases (accepted_on) WHERE deleted_at IS NULL;
CREATE INDEX cases_closed ON mediation_cases (closed_on) WHERE deleted_at IS NULL;
CREATE INDEX cases_confirmed ON mediation_cases (confirmed_on) WHERE deleted_at IS NULL;
CREATE INDEX cases_open ON mediation_cases (accepted_on)
  WHERE deleted_at IS NULL AND closed_on IS NULL;
CREATE INDEX cases_committee ON mediation_cases (committee_id);

CREATE TABLE case_parties (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES mediation_cases (id) ON DELETE CASCADE,
  person_id  INTEGER NOT NULL REFERENCES people (id),
  role       TEXT NOT NULL CHECK (role IN ('申请人', '被申请人', '第三人')),
  sort_order INTEGER NOT NULL DEFAULT 0,
  UNIQUE (case_id, person_id, role)
);
CREATE INDEX case_parties_person ON case_parties (person_id);

CREATE TABLE case_mediators (
  case_id     INTEGER NOT NULL REFERENCES mediation_cases (id) ON DELETE CASCADE,
  mediator_id INTEGER NOT NULL REFERENCES mediators (id),
  sort_order  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, mediator_id)
) WITHOUT ROWID;
CREATE INDEX case_mediators_mediator ON case_mediators (mediator_id);

-- 回访
CREATE TABLE case_visits (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES mediation_cases (id) ON DELETE CASCADE,
  visited_on      TEXT NOT NULL,
  mode_id         INTEGER NOT NULL REFERENCES codes (id),     -- kind visit_mode
  visitor         TEXT,                                        -- 回访人
  performance_id  INTEGER REFERENCES codes (id),               -- kind performance
  satisfaction_id INTEGER REFERENCES codes (id),               -- kind satisfaction
  notes           TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
);
CREATE INDEX case_visits_case ON case_visits (case_id);

-- 矛盾纠纷排查
CREATE TABLE screenings (
  id           INTEGER PRIMARY KEY,
  screened_on  TEXT NOT NULL,
  committee_id INTEGER NOT NULL REFERENCES committees (id),
  village_id   INTEGER REFERENCES villages (id),
  screener     TEXT,                               -- 排查人, free text
  found        INTEGER NOT NULL DEFAULT 0 CHECK (found >= 0),      -- 排查发现纠纷
  prevented    INTEGER NOT NULL DEFAULT 0 CHECK (prevented >= 0),  -- 预防纠纷
  notes        TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
);
CREATE INDEX screenings_on ON screenings (screened_on) WHERE deleted_at IS NULL;

-- 法律援助申请 受理转交.  The applicant's attributes that statistics count
-- by are copied in at receipt, so editing the person never moves a past
-- month.  Each status step keeps its date.
CREATE TABLE legal_aid (
  id                  INTEGER PRIMARY KEY,
  number              TEXT NOT NULL UNIQUE,      -- FY2026-0001
  year                INTEGER NOT NULL,
  seq                 INTEGER NOT NULL CHECK (seq > 0),
  received_at         TEXT NOT NULL,             -- 接收日期时间
  receiver_id         INTEGER NOT NULL REFERENCES staff (id),
  person_id           INTEGER NOT NULL REFERENCES people (id),
  agent_name          TEXT,                      -- 代理申请人
  sex                 TEXT CHECK (sex IN ('男', '女')),
  birth_date          TEXT,
  ethnicity           TEXT,
  is_disabled         INTEGER NOT NULL DEFAULT 0 CHECK (is_disabled IN (0, 1)),
  is_migrant_worker   INTEGER NOT NULL DEFAULT 0 CHECK (is_migrant_worker IN (0, 1)),
  is_farmer           INTEGER NOT NULL DEFAULT 0 CHECK (is_farmer IN (0, 1)),
  is_military         INTEGER NOT NULL DEFAULT 0 CHECK (is_military IN (0, 1)),
  is_foreigner        INTEGER NOT NULL DEFAULT 0 CHECK (is_foreigner IN (0, 1)),
  village_id          INTEGER REFERENCES villages (id),
  matter_type_id      INTEGER NOT NULL REFERENCES codes (id),  -- kind aid_matter_type
  matter_id           INTEGER NOT NULL REFERENCES codes (id),  -- kind aid_matter
  hardship_id         INTEGER REFERENCES codes (id),           -- kind hardship
  has_identity        INTEGER NOT NULL DEFAULT 0 CHECK (has_identity IN (0, 1)),
  has_hardship_proof  INTEGER NOT NULL DEFAULT 0 CHECK (has_hardship_proof IN (0, 1)),
  has_matter_papers   INTEGER NOT NULL DEFAULT 0 CHECK (has_matter_papers IN (0, 1)),
  materials_complete  INTEGER NOT NULL DEFAULT 0 CHECK (materials_complete IN (0, 1)),
  summary             TEXT NOT NULL DEFAULT '',  -- 案情摘要
  status              TEXT NOT NULL DEFAULT '已接收'
                      CHECK (status IN ('已接收', '材料待补', '已转交', '中心已受理', '决定给予',
                                        '决定不予', '已指派', '已结案', '已终止', '申请人撤回')),
  supplement_on       TEXT,                      -- 材料待补
  forwarded_on        TEXT,                      -- 转交
  forward_mode_id     INTEGER REFERENCES codes (id),           -- kind forward_mode
  centre_number       TEXT,                      -- 中心受理号
  centre_accepted_on  TEXT,                      -- 中心已受理
  decided_on          TEXT,                      -- 决定
  decision            TEXT CHECK (decision IN ('给予', '不予')),
  assigned_on         TEXT,                      -- 已指派
  lawyer              TEXT,                      -- 承办人
  law_firm            TEXT,                      -- 承办单位
  closed_on           TEXT,                      -- 已结案
  terminated_on       TEXT,                      -- 已终止
  withdrawn_on        TEXT,                      -- 申请人撤回
  consultation_id     INTEGER REFERENCES consultations (id),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  deleted_at          TEXT,
  UNIQUE (year, seq),
  CHECK (year = CAST (substr (received_at, 1, 4) AS INTEGER)),
  CHECK ((decided_on IS NULL) = (decision IS NULL)),
  CHECK (forwarded_on IS NULL OR forwarded_on >= substr (received_at, 1, 10)),
  CHECK (decided_on IS NULL OR decided_on >= substr (received_at, 1, 10)),
  CHECK (withdrawn_on IS NULL OR withdrawn_on >= substr (received_at, 1, 10)),
  CHECK ((status = '申请人撤回') = (withdrawn_on IS NOT NULL)),
  CHECK (status IN ('已接收', '材料待补', '申请人撤回') OR forwarded_on IS NOT NULL),
  CHECK (status NOT IN ('决定给予', '决定不予', '已指派', '已结案', '已终止') OR decided_on IS NOT NULL),
  CHECK (status NOT IN ('决定给予', '已指派', '已结案') OR decision = '给予'),
  CHECK (status <> '决定不予' OR decision = '不予')
);
CREATE INDEX legal_aid_received ON legal_aid (received_at) WHERE deleted_at IS NULL;
CREATE INDEX legal_aid_forwarded ON legal_aid (forwarded_on) WHERE deleted_at IS NULL;
CREATE INDEX legal_aid_decided ON legal_aid (decided_on) WHERE deleted_at IS NULL;
CREATE INDEX legal_aid_withdrawn ON legal_aid (withdrawn_on) WHERE deleted_at IS NULL;
CREATE INDEX legal_aid_pending ON legal_aid (received_at)
  WHERE deleted_at IS NULL AND forwarded_on IS NULL AND withdrawn_on IS NULL;
CREATE INDEX legal_aid_person ON legal_aid (person_id);

-- 受援人类别 the clerk typed or that were derived, as ticked on the form:
-- the copy of the flags above is what the figures count.
-- 经济困难情形 is single-valued (hardship_id).

-- 村(居)法律顾问
CREATE TABLE advisers (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL CHECK (name <> ''),
  sex              TEXT CHECK (sex IN ('男', '女')),
  phone            TEXT,
  practice_type_id INTEGER NOT NULL REFERENCES codes (id),    -- kind practice_type
  institution      TEXT NOT NULL CHECK (institution <> ''),   -- 执业机构
  licence_number   TEXT,                                       -- 执业证号
  term_from        TEXT NOT NULL,                              -- 聘期起
  term_until       TEXT,                                       -- 聘期止
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  deleted_at       TEXT,
  CHECK (term_until IS NULL OR term_until >= term_from)
);
CREATE UNIQUE INDEX advisers_key ON advisers (name, institution) WHERE deleted_at IS NULL;

CREATE TABLE adviser_assignments (
  id          INTEGER PRIMARY KEY,
  adviser_id  INTEGER NOT NULL REFERENCES advisers (id),
  village_id  INTEGER NOT NULL REFERENCES villages (id),
  from_date   TEXT NOT NULL,
  until_date  TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  CHECK (until_date IS NULL OR until_date >= from_date)
);
CREATE INDEX adviser_assignments_adviser ON adviser_assignments (adviser_id);
CREATE INDEX adviser_assignments_village ON adviser_assignments (village_id);

-- One visit or remote session.  Hours are kept in half hours.
CREATE TABLE adviser_services (
  id            INTEGER PRIMARY KEY,
  served_on     TEXT NOT NULL,
  adviser_id    INTEGER NOT NULL REFERENCES advisers (id),
  village_id    INTEGER NOT NULL REFERENCES villages (id),
  mode_id       INTEGER NOT NULL REFERENCES codes (id),      -- kind service_mode
  half_hours    INTEGER NOT NULL DEFAULT 0 CHECK (half_hours >= 0),
  consults      INTEGER NOT NULL DEFAULT 0 CHECK (consults >= 0),      -- 解答咨询(件)
  lectures      INTEGER NOT NULL DEFAULT 0 CHECK (lectures >= 0),      -- 法治讲座(场次)
  audience      INTEGER NOT NULL DEFAULT 0 CHECK (audience >= 0),      -- 讲座受众(人次)
  mediations    INTEGER NOT NULL DEFAULT 0 CHECK (mediations >= 0),    -- 参与调解(件)
  contracts     INTEGER NOT NULL DEFAULT 0 CHECK (contracts >= 0),     -- 审查合同协议(件)
  village_rules INTEGER NOT NULL DEFAULT 0 CHECK (village_rules >= 0), -- 审查村规民约或村务决策(件)
  documents     INTEGER NOT NULL DEFAULT 0 CHECK (documents >= 0),     -- 代写法律文书(份)
  aid_referrals INTEGER NOT NULL DEFAULT 0 CHECK (aid_referrals >= 0), -- 引导法律援助(件)
  trainees      INTEGER NOT NULL DEFAULT 0 CHECK (trainees >= 0),      -- 培训法律明白人或村干部(人次)
  leaflets      INTEGER NOT NULL DEFAULT 0 CHECK (leaflets >= 0),      -- 发放资料(份)
  notes         TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
);
CREATE INDEX adviser_services_on ON adviser_services (served_on) WHERE deleted_at IS NULL;
CREATE INDEX adviser_services_adviser ON adviser_services (adviser_id, served_on);
