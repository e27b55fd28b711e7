import type { Model } from "../model";
export const intermediateModels: readonly Model[] = [];
