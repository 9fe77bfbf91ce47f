import type { Migration } from 'kysely';
import * as m0001 from './0001_core.js';
import * as m0100 from './0100_worker.js';
import * as m0101 from './0101_timelimits.js';
import * as m0102 from './0102_outbox_topic_index.js';
import * as m0103 from './0103_deadline_claims.js';
import * as m0150 from './0150_settings_version.js';
import * as m0250 from './0250_portal.js';
import * as m0300 from './0300_text.js';
import * as m0301 from './0301_knowledge_ranking.js';
import * as m0302 from './0302_knowledge_terms.js';
import * as m0303 from './0303_drop_knowledge_vectors.js';
import * as m0320 from './0320_search_facets.js';
import * as m0321 from './0321_search_facets_lock.js';
import * as m0350 from './0350_nlp_models.js';
import * as m0400 from './0400_calls_kpi.js';
import * as m0410 from './0410_kpi_unit_rollups.js';
import * as m0450 from './0450_assessment.js';
import * as m0460 from './0460_caller_phones_normalised.js';
import * as m0500 from './0500_call_recordings.js';
import * as m0510 from './0510_category_aliases.js';
import * as m0550 from './0550_agent_tools.js';
import * as m0555 from './0555_queues.js';
import * as m0560 from './0560_portal_otp.js';
import * as m0600 from './0600_sub_centres.js';
import * as m0601 from './0601_desk_queue_index.js';
import * as m0610 from './0610_forwarding.js';
import * as m0620 from './0620_assist_tasks.js';
import * as m0630 from './0630_dispatch_catalogue.js';
import * as m0640 from './0640_leaders.js';
import * as m0650 from './0650_citizen_checks_enterprise.js';
import * as m0660 from './0660_text_module_dialogs.js';

/**
 * Every migration, in order. Listed explicitly (no directory scanning) so the same list works under
 * tsx, in tests and in bundles. Issues own number ranges to avoid clashes when built in parallel.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': m0001,
  '0100_worker': m0100,
  '0101_timelimits': m0101,
  '0102_outbox_topic_index': m0102,
  '0103_deadline_claims': m0103,
  '0150_settings_version': m0150,
  '0250_portal': m0250,
  '0300_text': m0300,
  '0301_knowledge_ranking': m0301,
  '0302_knowledge_terms': m0302,
  '0303_drop_knowledge_vectors': m0303,
  '0320_search_facets': m0320,
  '0321_search_facets_lock': m0321,
  '0350_nlp_models': m0350,
  '0400_calls_kpi': m0400,
  '0410_kpi_unit_rollups': m0410,
  '0450_assessment': m0450,
  '0460_caller_phones_normalised': m0460,
  '0500_call_recordings': m0500,
  '0510_category_aliases': m0510,
  '0550_agent_tools': m0550,
  '0555_queues': m0555,
  '0560_portal_otp': m0560,
  '0600_sub_centres': m0600,
  '0601_desk_queue_index': m0601,
  '0610_forwarding': m0610,
  '0620_assist_tasks': m0620,
  '0630_dispatch_catalogue': m0630,
  '0640_leaders': m0640,
  '0650_citizen_checks_enterprise': m0650,
  '0660_text_module_dialogs': m0660,
};
