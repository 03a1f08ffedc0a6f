// The browser tests in vitest's usual order, except that tests/e2e/run-log.test.ts comes last: it reads what
// all the others left behind (tests/support/run-log.ts).
import { BaseSequencer, type TestSpecification } from 'vitest/node'

export const LAST = /[\\/]tests[\\/]e2e[\\/]run-log\.test\.ts$/

export default class LastRunLogSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files)
    return [...sorted.filter((f) => !LAST.test(f.moduleId)), ...sorted.filter((f) => LAST.test(f.moduleId))]
  }
}
