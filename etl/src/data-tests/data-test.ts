export interface DataTestResult {
  readonly name: string;
  readonly model: string;
  readonly passed: boolean;
  readonly failingCount: number;
  /** Up to 10 failing rows. */
  readonly sample: Record<string, unknown>[];
}
