import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { vi } from 'vitest'
import { RouterProvider, createMemoryRouter } from 'react-router'

import type { BackupSchedule } from '../../../../contract/atlas/schedule'
import { defaultPolicy } from '../../../../contract/rules/policy-default'
import { canPerform } from '../../../../contract/rules/roles'
import type { ClusterFacts } from '../cluster-facts'
import { type CopiedSnapshot, copiedSnapshotsQuery } from '../copied-snapshots'
import type { SaveInput } from '../mutations'
import { type SavedSchedule, atlasClockQuery } from '../queries'
import { PolicyForm } from './policy-form'

// The policy editor as the copy and export tests see it (issue 9): payments-rs in one AWS zone
// taking snapshots in US_EAST_1, saved with a copy region US_WEST_2 (daily copies kept 7 days)
// and export off. The snapshots copied there and Atlas's clock are given to the query cache, so
// no request leaves.

export const GROUP = '6650a1b2c3d4e5f600000001'
export const ZONE = '6650a1b2c3d4e5f6000000a1'
export const BUCKET = '6650a1b2c3d4e5f6000000bb'

export function copyFacts(over: Partial<ClusterFacts> = {}): ClusterFacts {
  return {
    name: 'payments-rs',
    instanceSize: 'M30',
    nvme: false,
    pitEnabled: true,
    backupEnabled: true,
    sharded: false,
    mongoDBVersion: '7.0.14',
    zones: [
      {
        zoneId: ZONE,
        zoneName: 'Zone 1',
        provider: 'AWS',
        snapshotRegion: 'US_EAST_1',
      },
    ],
    nodeRegions: ['US_EAST_1'],
    ...over,
  }
}

export function copySchedule(
  copySettings: BackupSchedule['copySettings'] = [
    {
      zoneId: ZONE,
      cloudProvider: 'AWS',
      regionName: 'US_WEST_2',
      shouldCopyOplogs: false,
      copyPolicyItems: [
        { frequencyType: 'daily', retentionUnit: 'days', retentionValue: 7 },
      ],
    },
  ],
): BackupSchedule {
  const policy = defaultPolicy({ nvme: false })
  return {
    referenceHourOfDay: 18,
    referenceMinuteOfHour: 0,
    restoreWindowDays: 2,
    policies: [
      {
        id: '65f0000000000000000000f0',
        policyItems: policy.policies[0].policyItems.map((item, i) => ({
          ...item,
          id: `65f00000000000000000a${String(i)}00`,
        })) as BackupSchedule['policies'][number]['policyItems'],
      },
    ],
    copyPolicyItemsEnabled: true,
    copySettings,
    autoExportEnabled: false,
    useOrgAndGroupNamesInExportPrefix: false,
  }
}

export function setupCopyForm(
  options: {
    facts?: Partial<ClusterFacts>
    schedule?: BackupSchedule
    copied?: CopiedSnapshot[]
    /** Atlas's clock, which decides what has expired. */
    now?: string
  } = {},
) {
  const facts = copyFacts(options.facts)
  const initial = {
    schedule: options.schedule ?? copySchedule(),
    etag: '"v1"',
  }
  const save = vi.fn((input: SaveInput) =>
    Promise.resolve<SavedSchedule>({
      schedule: { ...initial.schedule, ...input.body },
      etag: '"v2"',
    }),
  )
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  })
  client.setQueryData(
    copiedSnapshotsQuery(GROUP, facts.name).queryKey,
    options.copied ?? [],
  )
  client.setQueryData(
    atlasClockQuery().queryKey,
    options.now ?? '2026-03-10T00:00:00Z',
  )
  const router = createMemoryRouter([
    {
      path: '/',
      element: (
        <QueryClientProvider client={client}>
          <PolicyForm
            groupId={GROUP}
            facts={facts}
            initial={initial}
            latest={initial}
            editVerdict={canPerform('admin', 'editPolicy')}
            save={save}
            reloadLatest={() => Promise.resolve()}
          />
        </QueryClientProvider>
      ),
    },
  ])
  render(<RouterProvider router={router} />)
  return { user: userEvent.setup(), save }
}

/** The error shown under a control (its aria-describedby, role alert). */
export function errorOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .filter((el) => el?.getAttribute('role') === 'alert')
    .map((el) => el?.textContent ?? '')
    .join(' ')
}

export const field = (label: string) => screen.getByLabelText(label)
export const saveButton = () =>
  screen.getByRole('button', { name: /^Save policy/ })

export async function retype(
  user: ReturnType<typeof userEvent.setup>,
  label: string,
  value: string,
) {
  await user.clear(field(label))
  if (value !== '') await user.type(field(label), value)
}

/** jsdom has no modal dialogs: showModal and close as the browser's, without the top layer. */
export function polyfillDialog(): void {
  const proto = HTMLDialogElement.prototype
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.open) return
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
}
