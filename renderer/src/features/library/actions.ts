// Library edits from the UI: call the core, turn a failure into a toast with its message. The
// core's project.changed event refreshes the data, so nothing is patched by hand here.
import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/contract';
import { call, errorMessage } from '../../api/client';
import { useUi } from '../../stores/ui';

export async function act<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C> | undefined> {
  try {
    return await call(channel, input);
  } catch (err) {
    useUi.getState().notify('error', errorMessage(err));
    return undefined;
  }
}
