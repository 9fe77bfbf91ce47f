import { DomainError } from '../shared/errors.js';
import { text } from '../i18n/messages.js';

export const articleNotFound = () => new DomainError('NOT_FOUND', text('knowledge.notFound'), { what: 'article' });
