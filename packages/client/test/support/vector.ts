// Zenlayer's documented ZC2-HMAC-SHA256 test vector (recomputed outside this package).
export const PASSWORD = 'Gu5t9xGARNpq86cd98joQYCN3';
export const SIGNATURE = 'efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f';
export const vector = {
  body: '{"pageSize":10,"pageNum":1,"zoneId":"HKG-A"}',
  contentType: 'application/json; charset=utf-8',
  host: 'console.zenlayer.com',
  timestamp: 1673361177,
};
