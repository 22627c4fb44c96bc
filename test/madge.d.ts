/** The part of madge's API (it ships no types) that test/architecture.test.ts uses. */
declare module 'madge' {
  interface MadgeConfig {
    fileExtensions?: string[];
    tsConfig?: string;
    detectiveOptions?: { ts?: { skipTypeImports?: boolean } };
  }
  interface MadgeResult {
    /** Each file and the files it imports, relative to the base directory. */
    obj(): Record<string, string[]>;
    /** Each import cycle as the files along it. */
    circular(): string[][];
  }
  export default function madge(path: string, config?: MadgeConfig): Promise<MadgeResult>;
}
