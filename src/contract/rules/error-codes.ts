// The errorCode each rule refusal carries, and the HTTP status the sandbox and the BFF answer
// with. Codes marked [spec], [docs] or [TF] are Atlas's own (ATLAS-CONTRACT.md §8, PEERS.md §3);
// the others are ours: Atlas publishes no code for that refusal, so we chose a name in Atlas's
// style (UPPER_SNAKE, saying what went wrong) and keep it stable.

export const ruleErrorCodes = {
  /** [spec] Any malformed or out-of-range field. */
  validation: 'VALIDATION_ERROR',
  /** Ours. The source cannot restore with this deliveryType (R1, R5, R6). */
  deliveryTypeNotSupported: 'DELIVERY_TYPE_NOT_SUPPORTED',
  /** Ours. The point in time lies outside the restore window (R4, R5). */
  pointInTimeOutsideWindow: 'POINT_IN_TIME_OUTSIDE_RESTORE_WINDOW',
  /** Ours. The point in time lies in a post-restore blackout (R4). */
  pointInTimeInBlackout: 'POINT_IN_TIME_IN_RESTORE_BLACKOUT',
  /** [TF #625] restoreWindowDays is not a positive integer or exceeds the hourly retention (P5). */
  invalidRestoreWindow: 'INVALID_RESTORE_WINDOW',
  /** Ours. The snapshot already has a download (R3). */
  snapshotDownloadInProgress: 'SNAPSHOT_DOWNLOAD_IN_PROGRESS',
  /** Ours. The project already has 20 downloads (R3). */
  projectDownloadLimit: 'PROJECT_DOWNLOAD_LIMIT_REACHED',
  /** Ours. The target cannot take this kind of snapshot (R5, R6). */
  incompatibleTarget: 'INCOMPATIBLE_RESTORE_TARGET',
  /** Ours. Shard count or config server type differ (R7). */
  topologyMismatch: 'RESTORE_TOPOLOGY_MISMATCH',
  /** Ours (BFF). A destructive action lacks its confirmation (R8, S3). */
  confirmationRequired: 'CONFIRMATION_REQUIRED',
  /** Ours (BFF). The operator's Backup Console role is too low (R9). */
  insufficientRole: 'INSUFFICIENT_ROLE',
  /** Ours. Cancel of a job that has already finished (R10). */
  restoreJobFinished: 'RESTORE_JOB_ALREADY_FINISHED',
  /** [spec] Atlas's 405 example on cancel (R10). */
  cancelNotAllowed: 'ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED',
  /** Ours. Another on-demand snapshot is queued or in progress (S1). */
  onDemandSnapshotInProgress: 'ON_DEMAND_SNAPSHOT_IN_PROGRESS',
  /** Ours. A Backup Compliance Policy forbids the change (S3). */
  compliancePolicy: 'BACKUP_COMPLIANCE_POLICY_VIOLATION',
  /** [CLI] The deployment kind does not offer this feature (S1, S3 on Flex/serverless). */
  featureUnsupported: 'FEATURE_UNSUPPORTED',
  /** [spec] A resource version past its sunset, e.g. serverless backups (R5). */
  versionGone: 'VERSION_GONE',
} as const

export type RuleErrorCode = (typeof ruleErrorCodes)[keyof typeof ruleErrorCodes]

/** The HTTP status that goes with each code in the ApiError envelope (A2). */
export const ruleErrorStatus: Record<RuleErrorCode, number> = {
  VALIDATION_ERROR: 400,
  DELIVERY_TYPE_NOT_SUPPORTED: 400,
  POINT_IN_TIME_OUTSIDE_RESTORE_WINDOW: 400,
  POINT_IN_TIME_IN_RESTORE_BLACKOUT: 400,
  INVALID_RESTORE_WINDOW: 400,
  // Conflicts with work already under way are 409, as restore/download POSTs list (§2).
  SNAPSHOT_DOWNLOAD_IN_PROGRESS: 409,
  PROJECT_DOWNLOAD_LIMIT_REACHED: 409,
  INCOMPATIBLE_RESTORE_TARGET: 400,
  RESTORE_TOPOLOGY_MISMATCH: 400,
  CONFIRMATION_REQUIRED: 400,
  INSUFFICIENT_ROLE: 403,
  RESTORE_JOB_ALREADY_FINISHED: 405,
  ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED: 405,
  ON_DEMAND_SNAPSHOT_IN_PROGRESS: 409,
  BACKUP_COMPLIANCE_POLICY_VIOLATION: 403,
  FEATURE_UNSUPPORTED: 400,
  VERSION_GONE: 410,
}
