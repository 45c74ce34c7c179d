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

declare module '@nlpjs/lang-el/src/stemmer-el.js' {
  export default class StemmerEl {
    stemWord(word: string): string;
  }
}
