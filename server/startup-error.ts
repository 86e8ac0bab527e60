// A fault that stops the server from starting, with one line for the operator in Vietnamese and English.
export type StartupFault = 'port-in-use' | 'port-denied' | 'bad-host' | 'bad-database' | 'bad-environment';

export class StartupError extends Error {
  constructor(
    readonly fault: StartupFault,
    message: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}
