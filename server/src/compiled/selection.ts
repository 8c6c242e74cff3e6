// The fields an operation selects, by response key, with fragments on the same type merged: the
// input of the compiled read path (compile.ts). Anything that path does not handle makes it null,
// so the operation runs through the resolvers instead: directives, a fragment on an interface or a
// type the selection cannot be of, a response key selected twice.
import {
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';

export interface SelectedField {
  /** The key in the response: the alias, or the field's name. */
  key: string;
  name: string;
  args: Record<string, unknown>;
  /** The sub-selection as written, flattened for the field's type by whoever compiles it. */
  selectionSet: SelectionSetNode | undefined;
}

export interface SelectionScope {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function argumentValues(
  nodes: readonly { name: { value: string }; value: ValueNode }[] | undefined,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  // An argument given as a variable the request leaves out is an argument not given.
  return Object.fromEntries(
    (nodes ?? [])
      .map((node) => [node.name.value, valueFromASTUntyped(node.value, variables)] as const)
      .filter(([, value]) => value !== undefined),
  );
}

/** A union the selection is made on, and its member types. */
export interface UnionType {
  name: string;
  members: readonly string[];
}

/**
 * The fields of `set`, selected on an object of type `typeName` (reached through `union`, whose
 * fragments on the other members then select nothing); null when not compilable.
 */
export function selectedFields(
  set: SelectionSetNode | undefined,
  typeName: string,
  scope: SelectionScope,
  union?: UnionType,
): SelectedField[] | null {
  const fields: SelectedField[] = [];
  const keys = new Set<string>();
  const visit = (current: SelectionSetNode | undefined): boolean => {
    for (const selection of current?.selections ?? []) {
      if (selection.directives?.length) return false;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (keys.has(key)) return false;
        keys.add(key);
        fields.push({
          key,
          name: selection.name.value,
          args: argumentValues(selection.arguments, scope.variables),
          selectionSet: selection.selectionSet,
        });
        continue;
      }
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : scope.fragments[selection.name.value];
      if (!fragment || fragment.directives?.length) return false;
      const condition = fragment.typeCondition?.name.value;
      if (condition !== undefined && condition !== typeName && condition !== union?.name) {
        if (union?.members.includes(condition)) continue;
        return false;
      }
      if (!visit(fragment.selectionSet)) return false;
    }
    return true;
  };
  return visit(set) ? fields : null;
}
