/** Looking up options in a message: agents ask "which HNPs did this PBU carry?" far more than they loop. */
import type { MobilityMessage } from './messages';
import type { MobilityOption, MobilityOptionType, OptionOf } from './options';

const NONE: readonly MobilityOption[] = [];

/** The options of a message, in sender order (none for an unknown MH Type). */
export const optionsOf = (msg: MobilityMessage): readonly MobilityOption[] =>
  msg.type === 'unknown' ? NONE : msg.options;

/** The first option of this type, e.g. `findOption(pbu, 'mn-id')?.id`; undefined when absent. */
export function findOption<K extends MobilityOptionType>(
  msg: MobilityMessage,
  type: K,
): OptionOf<K> | undefined {
  const options = optionsOf(msg);
  for (let i = 0; i < options.length; i++) if (options[i].type === type) return options[i] as OptionOf<K>;
  return undefined;
}

/** Every option of this type in sender order, e.g. all HNP options of a PBU (RFC 5213 allows several). */
export function findOptions<K extends MobilityOptionType>(msg: MobilityMessage, type: K): OptionOf<K>[] {
  return optionsOf(msg).filter((o): o is OptionOf<K> => o.type === type);
}
