declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { configPath?: string; pathPrefix?: string; quietMode?: boolean },
    );
    write(): Promise<unknown>;
  }
}
