import { creditCodeProblem, normalizeCreditCode } from '../contract/enterprise.js';
import type { IntakeHook } from '../orders/order-hooks.js';
import { domainError, invalidField } from '../shared/errors.js';

/**
 * 涉企诉求 at intake (ADR 0137): the company's name and credit code are checked here and written as a
 * companion row in the intake's one statement, so an enterprise appeal never exists without its
 * company. A wrong code answers 400 naming `enterprise.creditCode` and nothing is written.
 */
export const enterpriseIntakeHook: IntakeHook = async ({ input, draft, at }) => {
  const given = input.enterprise;
  if (!given) return {};
  const companyName = given.companyName.trim();
  if (companyName === '') throw invalidField('enterprise.companyName');
  const creditCode = normalizeCreditCode(given.creditCode);
  const problem = creditCodeProblem(creditCode);
  if (problem) throw domainError('VALIDATION', `error.creditCode.${problem}`, {}, { field: 'enterprise.creditCode' });
  return {
    companions: (order) => ({
      rows: [
        {
          table: 'order_enterprises',
          values: {
            order_id: order.id,
            centre_id: draft.centre_id,
            company_name: companyName,
            credit_code: creditCode,
            protect_name: given.protectName ?? false,
            created_at: at,
          },
        },
      ],
    }),
  };
};
