import { localOffsetLabel, localZoneName } from '../lib/format-time'
import { type TimeZoneMode, useTimeZone } from '../lib/time-zone'

/** Switches every time on the page between UTC and the browser's zone. */
export function TimeZoneToggle() {
  const { mode, setMode } = useTimeZone()
  const options: { value: TimeZoneMode; label: string }[] = [
    { value: 'utc', label: 'UTC' },
    {
      value: 'local',
      label: `Local (${localZoneName()}, ${localOffsetLabel()})`,
    },
  ]
  return (
    <fieldset className="segmented">
      <legend>Show times in</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name="time-zone"
            value={option.value}
            checked={mode === option.value}
            onChange={() => setMode(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  )
}
