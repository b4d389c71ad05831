import { describeRouteFuzz } from './fuzz-runner'

// Property-based fuzzing of the restore routes (R1–R8): dedicated, Flex and serverless.
const V2 = '/api/atlas/v2/groups/:groupId'

describeRouteFuzz('fuzzing the restore routes', [
  `POST ${V2}/clusters/:clusterName/backup/restoreJobs`,
  `DELETE ${V2}/clusters/:clusterName/backup/restoreJobs/:restoreJobId`,
  `POST ${V2}/flexClusters/:name/backup/restoreJobs`,
  `POST ${V2}/flexClusters/:name/backup/download`,
  `POST ${V2}/serverless/:clusterName/backup/restoreJobs`,
])
