// The list pages' filter bars come from each type's list spec: one field per
// filter the list accepts (and no other), in one order, with the words of the
// type's definition.
import { describe, expect, it } from "vitest";
import { recordListFilters } from "@/components/lists/record-list-page";
import { LIST_SPECS, parseListParams } from "@/lib/lists/params";
import { DEFINITIONS, RECORD_TYPES, listOf, type RecordListType } from "@/lib/records/definitions";

const LISTS = RECORD_TYPES.map(listOf).filter((l): l is RecordListType => l !== null);

describe("record list filters", () => {
  it.each(LISTS)("%s: one field per filter its spec accepts", (list) => {
    const spec = LIST_SPECS[list];
    const { params } = parseListParams(list, {});
    const names = recordListFilters(list, params, [{ alpha2: "VE", name: "Venezuela" }], true).map((f) => f.name);
    const expected = [
      ...(spec.search ? ["q"] : []),
      ...(spec.country ? ["country"] : []),
      ...Object.keys(spec.enums),
      ...(spec.dates ? ["from", "to"] : []),
      ...(spec.verification ? ["verified"] : []),
      ...(spec.deletable ? ["deleted"] : []),
    ];
    expect(names).toEqual(expected);
    // Every name is one the list's URL parser reads.
    const { messages } = parseListParams(list, Object.fromEntries(names.filter((n) => n !== "deleted").map((n) => [n, ""])));
    expect(messages).toEqual([]);
  });

  it("offer the deleted records only to those who may restore", () => {
    const { params } = parseListParams("concerns", {});
    expect(recordListFilters("concerns", params, [], false).map((f) => f.name)).not.toContain("deleted");
    expect(recordListFilters("concerns", params, [], true).map((f) => f.name)).toContain("deleted");
  });

  it("use the definition's words and values", () => {
    const { params } = parseListParams("concerns", { status: "OPEN,MONITORING" });
    const status = recordListFilters("concerns", params, [], true).find((f) => f.name === "status");
    expect(status).toMatchObject({ label: "Status", value: "OPEN,MONITORING" });
    const options = status && "options" in status ? status.options : [];
    expect(options[0]).toEqual({ value: "OPEN,MONITORING", label: "Unresolved (open or monitoring)" });
    expect(options.map((o) => o.value)).toContain("CLOSED_UNRESOLVED");
    const search = recordListFilters("weaponSystems", parseListParams("weaponSystems", {}).params, [], true)[0];
    expect(search).toMatchObject({ name: "q", label: DEFINITIONS.weaponSystem.list.page.search.label });
  });
});
