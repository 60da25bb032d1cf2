'use strict';
// Only the offline linter pulls keytar in, and it never stores credentials.
const unavailable = async () => {
  throw new Error('keytar is not available: Process Loop only runs the Forge linter offline');
};
module.exports = {
  getPassword: unavailable,
  setPassword: unavailable,
  deletePassword: unavailable,
  findPassword: unavailable,
  findCredentials: unavailable,
};
