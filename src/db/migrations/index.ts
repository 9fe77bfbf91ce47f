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
import * as m0720 from './0720_task_clocks.js';
import * as m0721 from './0721_league_wide_units.js';
import * as m0722 from './0722_catalogue_dispatch_desk.js';
import * as m0723 from './0723_catalogue_version.js';
import * as m0740 from './0740_login_throttle.js';
import * as m0741 from './0741_separated_admins.js';
import * as m0742 from './0742_totp.js';
import * as m0743 from './0743_password_policy_idle.js';
import * as m0760 from './0760_audit_chain.js';
import * as m0800 from './0800_pii_blind_indexes.js';
import * as m0801 from './0801_seal_personal_data.js';
import * as m0810 from './0810_portal_code_lockout.js';
import * as m0820 from './0820_channels_and_merged_lines.js';
import * as m0830 from './0830_citizen_notices.js';
import * as m0840 from './0840_api_clients.js';
import * as m0841 from './0841_open311.js';
import * as m0850 from './0850_order_import.js';
import * as m0860 from './0860_grids.js';
import * as m0870 from './0870_residents_points.js';
import * as m0811 from './0811_personal_data_retention.js';
import * as m0990 from './0990_order_map_index.js';
import * as m1030 from './1030_duplicate_distance.js';
import * as m1090 from './1090_points_settings.js';
import * as m0871 from './0871_wishes.js';
import * as m0930 from './0930_search_without_address.js';
import * as m0940 from './0940_visit_links.js';
import * as m0975 from './0975_kpi_rollups_client.js';
import * as m0976 from './0976_import_run_failure.js';
import * as m0970 from './0970_client_webhooks.js';
import * as m0980 from './0980_grid_reports.js';
import * as m0861 from './0861_grid_verification.js';
import * as m0950 from './0950_citizen_consent_portal_sessions.js';
import * as m1110 from './1110_open311_service_listing.js';
import * as m1140 from './1140_audit_chain_head_per_transaction.js';
import * as m1141 from './1141_open311_reply_due_index.js';
import * as m1160 from './1160_matters.js';

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
  '0720_task_clocks': m0720,
  '0721_league_wide_units': m0721,
  '0722_catalogue_dispatch_desk': m0722,
  '0723_catalogue_version': m0723,
  '0740_login_throttle': m0740,
  '0741_separated_admins': m0741,
  '0742_totp': m0742,
  '0743_password_policy_idle': m0743,
  '0760_audit_chain': m0760,
  '0800_pii_blind_indexes': m0800,
  '0801_seal_personal_data': m0801,
  '0810_portal_code_lockout': m0810,
  '0820_channels_and_merged_lines': m0820,
  '0830_citizen_notices': m0830,
  '0840_api_clients': m0840,
  '0841_open311': m0841,
  '0850_order_import': m0850,
  '0860_grids': m0860,
  '0870_residents_points': m0870,
  '0811_personal_data_retention': m0811,
  '0871_wishes': m0871,
  '0861_grid_verification': m0861,
  '0930_search_without_address': m0930,
  '0940_visit_links': m0940,
  '0975_kpi_rollups_client': m0975,
  '0976_import_run_failure': m0976,
  '0970_client_webhooks': m0970,
  '0990_order_map_index': m0990,
  '1030_duplicate_distance': m1030,
  '1090_points_settings': m1090,
  '0980_grid_reports': m0980,
  '0950_citizen_consent_portal_sessions': m0950,
  '1110_open311_service_listing': m1110,
  '1140_audit_chain_head_per_transaction': m1140,
  '1141_open311_reply_due_index': m1141,
  '1160_matters': m1160,
};
