const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID (row ids); order numbers and other references are not. */
export const isUuid = (value: string) => UUID.test(value);
