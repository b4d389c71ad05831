import { useState } from 'react'
import { Link } from 'react-router'

import type { Role } from '../../../../contract/rules/roles'
import { GuardedButton } from '../../../components/ui/guarded-button'
import { formatInstant, otherMode } from '../../../lib/format-time'
import { formatBytes } from '../../../lib/format-units'
import { paths } from '../../../lib/paths'
import { useTimeZone } from '../../../lib/time-zone'
import { snapshotVerdicts } from '../action-rules'
import {
  type Deployment,
  frequencyLabels,
  type SnapshotRow,
  statusLabels,
  typeLabels,
} from '../model'
import { DeleteDialog } from './delete-dialog'
import { DownloadAction } from './download-action'
import { ExpiryForm } from './expiry-form'

type SelectedSnapshotProps = {
  deployment: Deployment
  snapshot: SnapshotRow
  role: Role
  onDeleted: (message: string) => void
}

/** The selected snapshot's details and what can be done with it, each action with its rule. */
export function SelectedSnapshot({
  deployment,
  snapshot,
  role,
  onDeleted,
}: SelectedSnapshotProps) {
  const { mode } = useTimeZone()
  const [panel, setPanel] = useState<'none' | 'expiry' | 'delete'>('none')
  const [message, setMessage] = useState<string | null>(null)
  const verdicts = snapshotVerdicts(role, deployment, snapshot)
  const restoreHref = paths.newRestore({
    groupId: deployment.groupId,
    kind: deployment.kind,
    cluster: deployment.name,
    snapshotId: snapshot.id,
  })

  return (
    <section
      aria-labelledby="selected-title"
      className="panel selected-snapshot"
    >
      <h2 id="selected-title">
        Selected snapshot: {formatInstant(snapshot.createdAt, mode)}
      </h2>
      <dl className="facts">
        <dt>Id</dt>
        <dd>
          <code>{snapshot.id}</code>
        </dd>
        <dt>Created</dt>
        <dd>
          {formatInstant(snapshot.createdAt, mode, { seconds: true })} ·{' '}
          {formatInstant(snapshot.createdAt, otherMode(mode), {
            seconds: true,
          })}
        </dd>
        <dt>Type</dt>
        <dd>
          {typeLabels[snapshot.snapshotType]}
          {snapshot.frequencyType
            ? ` · ${frequencyLabels[snapshot.frequencyType]}`
            : ''}
        </dd>
        <dt>Status</dt>
        <dd>{snapshot.status ? statusLabels[snapshot.status] : 'Unknown'}</dd>
        {snapshot.expiresAt ? (
          <>
            <dt>Expires</dt>
            <dd>{formatInstant(snapshot.expiresAt, mode)}</dd>
          </>
        ) : null}
        {snapshot.storageSizeBytes !== undefined ? (
          <>
            <dt>Size</dt>
            <dd>{formatBytes(snapshot.storageSizeBytes)}</dd>
          </>
        ) : null}
        {snapshot.mongodVersion ? (
          <>
            <dt>MongoDB</dt>
            <dd>{snapshot.mongodVersion}</dd>
          </>
        ) : null}
        {snapshot.description ? (
          <>
            <dt>Description</dt>
            <dd>{snapshot.description}</dd>
          </>
        ) : null}
        {snapshot.copyRegions !== undefined ? (
          <>
            <dt>Copied to</dt>
            <dd>
              {snapshot.copyRegions.length > 0
                ? snapshot.copyRegions.join(', ')
                : 'No other region'}
            </dd>
          </>
        ) : null}
      </dl>
      {snapshot.snapshotType === 'fallback' ? (
        <p className="warning">
          ⚠ A fallback snapshot retries a failed scheduled one; Atlas warns its
          data may be inconsistent.
        </p>
      ) : null}
      <p role="status">{message}</p>
      <div className="button-row actions">
        {verdicts.restore.ok ? (
          <Link className="button primary" to={restoreHref}>
            Restore…
          </Link>
        ) : (
          <GuardedButton verdict={verdicts.restore}>Restore…</GuardedButton>
        )}
        <DownloadAction
          deployment={deployment}
          snapshot={snapshot}
          verdict={verdicts.download}
        />
        <GuardedButton
          verdict={verdicts.expiry}
          aria-expanded={panel === 'expiry'}
          onClick={() => {
            setMessage(null)
            setPanel(panel === 'expiry' ? 'none' : 'expiry')
          }}
        >
          Change expiry…
        </GuardedButton>
        <GuardedButton
          verdict={verdicts.delete}
          className="button danger"
          onClick={() => {
            setMessage(null)
            setPanel('delete')
          }}
        >
          Delete…
        </GuardedButton>
      </div>
      {panel === 'expiry' ? (
        <ExpiryForm
          key={snapshot.id}
          deployment={deployment}
          snapshot={snapshot}
          onDone={(done) => {
            setMessage(done)
            setPanel('none')
          }}
        />
      ) : null}
      {panel === 'delete' ? (
        <DeleteDialog
          deployment={deployment}
          snapshot={snapshot}
          onClose={() => setPanel('none')}
          onDeleted={onDeleted}
        />
      ) : null}
    </section>
  )
}
