import { describeRouteFuzz } from './fuzz-runner'

// Property-based fuzzing of the snapshot and schedule routes (S1, S3, P1–P6).
const C = '/api/atlas/v2/groups/:groupId/clusters/:clusterName/backup'

describeRouteFuzz('fuzzing the snapshot and schedule routes', [
  `POST ${C}/snapshots`,
  `PATCH ${C}/snapshots/:snapshotId`,
  `DELETE ${C}/snapshots/:snapshotId`,
  `DELETE ${C}/snapshots/shardedCluster/:snapshotId`,
  `PATCH ${C}/schedule`,
  `DELETE ${C}/schedule`,
])
