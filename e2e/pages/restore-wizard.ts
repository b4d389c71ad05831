import type { Locator, Page } from '@playwright/test'

// The restore wizard (issue 7) as a page object: getters return Locators found by role or
// label, actions fill a step as an operator would; the specs make the assertions.

export const GROUPS = {
  paymentsProd: '6650a1b2c3d4e5f600000001',
  analytics: '6650a1b2c3d4e5f600000002',
  devTools: '6650a1b2c3d4e5f600000003',
} as const

export class RestoreWizardPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/restores/new/source${query}`)
  }

  get steps(): Locator {
    return this.page.getByRole('navigation', { name: 'Restore steps' })
  }

  /** "Step 2 of 5: Delivery type" */
  get stepHeading(): Locator {
    return this.page.getByRole('heading', { level: 2 })
  }

  get next(): Locator {
    return this.page.getByRole('button', { name: 'Next' })
  }

  get back(): Locator {
    return this.page.getByRole('button', { name: 'Back' })
  }

  // Step 1: source
  get sourceProject(): Locator {
    return this.page.getByLabel('Source project')
  }

  get sourceDeployment(): Locator {
    return this.page.getByLabel('Source deployment')
  }

  get fromSnapshot(): Locator {
    return this.page.getByRole('radio', { name: 'A snapshot' })
  }

  get fromPointInTime(): Locator {
    return this.page.getByRole('radio', { name: /^A point in time/ })
  }

  /** One radio per snapshot, newest first; only completed ones are enabled. */
  get snapshots(): Locator {
    return this.page.getByRole('radio', { name: /^Snapshot taken / })
  }

  get latestRestorableSnapshot(): Locator {
    return this.page
      .getByRole('radio', { name: /^Snapshot taken /, disabled: false })
      .first()
  }

  // Step 2: delivery type
  deliveryType(
    name: 'Automated restore' | 'Download' | 'Point in time',
  ): Locator {
    return this.page.getByRole('radio', { name, exact: true })
  }

  // Step 3: point in time
  get dateTime(): Locator {
    return this.page.getByLabel(/^Date and time/)
  }

  get typeInUtc(): Locator {
    return this.page.getByRole('radio', { name: 'UTC', exact: true })
  }

  get typeInLocal(): Locator {
    return this.page.getByRole('radio', { name: /^Local time/ })
  }

  get oplogMode(): Locator {
    return this.page.getByRole('radio', { name: /oplog entry/ })
  }

  get dateMode(): Locator {
    return this.page.getByRole('radio', {
      name: /date and time, to the second/,
    })
  }

  get oplogTs(): Locator {
    return this.page.getByLabel(/^Oplog timestamp/)
  }

  get oplogInc(): Locator {
    return this.page.getByLabel('Oplog increment')
  }

  get windowBar(): Locator {
    return this.page.getByRole('img', { name: 'Restore window' })
  }

  // Step 4: target
  get targetProject(): Locator {
    return this.page.getByLabel('Target project')
  }

  get targetCluster(): Locator {
    return this.page.getByLabel(/^Target (cluster|deployment)$/)
  }

  get preflight(): Locator {
    return this.page.getByRole('region', { name: /^Pre-flight check of / })
  }

  preflightLine(title: string): Locator {
    return this.preflight.getByRole('listitem').filter({ hasText: title })
  }

  // Step 5: review and confirm
  get request(): Locator {
    return this.page.getByRole('region', { name: 'Request that will be sent' })
  }

  get confirmName(): Locator {
    return this.page.getByLabel('Type the target cluster name to confirm')
  }

  get snapshotFirst(): Locator {
    return this.page.getByRole('checkbox', {
      name: /^Take an on-demand snapshot/,
    })
  }

  get submit(): Locator {
    return this.page.getByRole('button', {
      name: /^(Restore onto .+|Request the download)$/,
    })
  }

  /** The JSON body shown on the review, as it will be sent. */
  async requestBody(): Promise<Record<string, unknown>> {
    const text = (await this.request.textContent()) ?? ''
    return JSON.parse(text.slice(text.indexOf('{'))) as Record<string, unknown>
  }

  async chooseSource(project: string, deployment: string): Promise<void> {
    await this.sourceProject.selectOption({ label: project })
    await this.sourceDeployment.selectOption({ value: deployment })
  }

  /** Step 1 with a snapshot: the source and its newest completed snapshot; returns its id. */
  async chooseLatestSnapshot(
    project: string,
    deployment: string,
  ): Promise<string> {
    await this.chooseSource(project, deployment)
    await this.fromSnapshot.check()
    await this.latestRestorableSnapshot.check()
    return this.latestRestorableSnapshot.inputValue()
  }

  async chooseTarget(project: string, cluster: string): Promise<void> {
    await this.targetProject.selectOption({ label: project })
    await this.targetCluster.selectOption({ value: cluster })
  }
}
