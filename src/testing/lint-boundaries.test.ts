import { ESLint } from 'eslint'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The import boundaries of DESIGN.md §2 are lint rules; these cases prove they bite. Each lints
// new text as if it were an existing file (the type-aware parser knows only project files).
const root = path.resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

async function restrictedImports(
  filePath: string,
  code: string,
): Promise<string[]> {
  const [result] = await eslint.lintText(code, {
    filePath: path.join(root, filePath),
  })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

describe('import boundaries', () => {
  it('keeps the SPA away from the BFF and the sandbox, but lets it use the BFF contract', async () => {
    expect(
      await restrictedImports(
        'src/web/lib/paths.ts',
        "export { a } from '../../bff/app'\n",
      ),
    ).toHaveLength(1)
    expect(
      await restrictedImports(
        'src/web/lib/paths.ts',
        "export { a } from '../../sandbox/app'\n",
      ),
    ).toHaveLength(1)
    expect(
      await restrictedImports(
        'src/web/lib/paths.ts',
        "export { a } from '../../contract/bff/session'\n",
      ),
    ).toEqual([])
  })

  it('keeps features from importing each other', async () => {
    const file = 'src/web/features/clusters/queries.ts'
    expect(
      await restrictedImports(
        file,
        "export { a } from '../snapshots/queries'\n",
      ),
    ).toHaveLength(1)
    expect(
      await restrictedImports(file, "export { a } from './cluster-sort'\n"),
    ).toEqual([])
    expect(
      await restrictedImports(
        file,
        "export { a } from '../../components/ui/text-field'\n",
      ),
    ).toEqual([])
  })

  it('keeps the contract free of our other layers, and the BFF and sandbox apart', async () => {
    expect(
      await restrictedImports(
        'src/contract/rules/result.ts',
        "export { a } from '../../web/lib/paths'\n",
      ),
    ).toHaveLength(1)
    expect(
      await restrictedImports(
        'src/bff/routes/register.ts',
        "export { a } from '../../sandbox/app'\n",
      ),
    ).toHaveLength(1)
    expect(
      await restrictedImports(
        'src/sandbox/routes/register.ts',
        "export { a } from '../../bff/app'\n",
      ),
    ).toHaveLength(1)
  })
})
