import type { StreamStatus } from './use-job-events'

const words: Record<StreamStatus, { icon: string; text: string }> = {
  connecting: { icon: '…', text: 'Connecting to live updates…' },
  live: { icon: '●', text: 'Live: updates appear as Atlas reports them' },
  reconnecting: {
    icon: '○',
    text: 'Reconnecting: updates are paused, the data shown may be behind',
  },
}

/** Whether the page is hearing the BFF's push channel, announced when it changes. */
export function ConnectionStatus({ status }: { status: StreamStatus }) {
  const { icon, text } = words[status]
  return (
    <p role="status" className={`stream-status stream-${status}`}>
      <span aria-hidden="true" className="stream-icon">
        {icon}
      </span>{' '}
      {text}
    </p>
  )
}
