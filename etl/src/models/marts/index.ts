import type { Model } from "../model";
export const martModels: readonly Model[] = [];
