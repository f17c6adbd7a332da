/* search-corpus.h — a generated ledger of Chinese records for the search
 * and list tests and the search benchmark: people with names, ID numbers
 * and phones, and consultations, mediation cases, legal-aid applications,
 * screenings and adviser services with summaries and notes. */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint   people;
  guint   consultations;
  guint   cases;
  guint   legal_aid;
  guint   screenings;
  guint   services;
  guint32 seed;
} CorpusSize;

/* Fills @store (registers and records) in one transaction; the same size
 * and seed give the same ledger. */
void  corpus_fill          (DeskStore        *store,
                            const CorpusSize *size);

/* Queries drawn from the ledger's own texts: names (two-character ones
 * included), ID and phone fragments, phrases, numbers in mixed case,
 * several words, single characters, and texts found nowhere. */
GPtrArray *corpus_queries  (DeskStore        *store,
                            guint             n,
                            guint32           seed);

G_END_DECLS
