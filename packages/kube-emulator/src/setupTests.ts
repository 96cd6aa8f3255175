// Servers, watches and informers take a moment; polling helpers bound each wait well inside this.
jest.setTimeout(60_000);
