export declare const VERSION: string;
export declare const HOMEPAGE = "https://github.com/kvmlint/kvmlint";
