import type { RuleResult } from '../../../../contract/rules/result'
import { GuardedButton } from '../../../components/ui/guarded-button'

type SaveBarProps = {
  /** Why Save is disabled, if it is (save-verdict.ts). */
  verdict: RuleResult
  saving: boolean
  canEdit: boolean
  dirty: boolean
  onResetToDefault: () => void
  onDiscard: () => void
  /** The inline confirmation after a save (no toast: DESIGN §3). */
  notice: string
}

export function SaveBar({
  verdict,
  saving,
  canEdit,
  dirty,
  onResetToDefault,
  onDiscard,
  notice,
}: SaveBarProps) {
  return (
    <>
      <div className="save-bar">
        <GuardedButton
          type="submit"
          className="button primary"
          verdict={verdict}
        >
          {saving ? 'Saving…' : 'Save policy'}
        </GuardedButton>
        {/* P8: fills the form with the default policy; nothing is saved until Save. */}
        <button
          type="button"
          className="button"
          disabled={!canEdit}
          onClick={onResetToDefault}
        >
          Reset to default
        </button>
        <button
          type="button"
          className="button"
          disabled={!canEdit || !dirty}
          onClick={onDiscard}
        >
          Discard changes
        </button>
      </div>
      <p role="status" className={notice ? 'confirmation' : undefined}>
        {notice}
      </p>
    </>
  )
}
