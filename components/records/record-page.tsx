// The one shell of every record page (/<segment>/[id]): the link back to its
// list, its display name as the heading, its badges (the type's own, then
// verified, restricted, deleted), its actions (edit, history, verify, delete,
// restore, and the type's links to new records) and, at the end, its cited
// sources. What lies between is the type's own body, in
// components/records/<type>/, which passes it in as children. The record is
// loaded through lib/pages/record-page.ts (loadRecord), the same rule as its
// history page; its metadata is recordMetadata there.
import { ArrowLeft, Lock, Trash2 } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/badge";
import { RecordCitations, type CitationItem } from "@/components/records/cite-source";
import { RecordActions } from "@/components/records/record-actions";
import { Section, VerificationBadge } from "@/components/record-parts";
import { PageHeader } from "@/components/ui/page-header";
import type { SessionUser } from "@/lib/auth/current-user";
import type { Related } from "@/lib/db/records/related";
import { can, canDelete, canEdit } from "@/lib/permissions";
import { DEFINITIONS, displayName, historyHref, recordHref, type RecordType } from "@/lib/records/definitions";
import type { CitationTarget } from "@/lib/validation/citations";

export const linkClass = "text-link underline underline-offset-2 hover:no-underline";

/** What every record page reads of its record. */
type ShownRecord = {
  id: number;
  version: number;
  visibility: "INTERNAL" | "RESTRICTED";
  createdById: number | null;
  deletedAt: Date | null;
  verifiedAt: Date | null;
  verifiedBy?: { name: string } | null;
  /** Its cited sources (a source has none: it is cited). */
  citations?: Related<CitationItem>;
};

/** The link above the heading: the type's list, by its list page's title ("Arms transfers"). */
function backToList(type: RecordType): { href: string; label: string } {
  const definition = DEFINITIONS[type];
  return { href: `/${definition.segment}`, label: definition.list?.page.title ?? definition.plural };
}

export function RecordPage<T extends RecordType>(p: {
  type: T;
  viewer: SessionUser;
  record: ShownRecord & Parameters<(typeof DEFINITIONS)[T]["displayName"]>[0];
  /** Where "back" leads; the type's list by default (a quote has none: the record it is about). */
  back?: { href: string; label: string };
  /** After the name in the heading, in a lighter type (a weapon system's designation). */
  headingDetail?: string | null;
  /** Between the heading and the badges (an actor's position, a quote's text). */
  intro?: ReactNode;
  /** The type's badges, before verified, restricted and deleted. */
  badges?: ReactNode;
  /** After them (a concern overdue for review). */
  flags?: ReactNode;
  /** Between the badges and the actions (a concern's summary and key facts). */
  lead?: ReactNode;
  /** Links to new records, for those who may create records and while it is not deleted. */
  createLinks?: { href: string; label: string }[];
  /** After the actions, in the header (a concern's status form and its sources). */
  headerEnd?: ReactNode;
  /** Its cited sources at the end of the page ("end", by default) or in the header's end ("header"). */
  citations?: "end" | "header";
  children: ReactNode;
}) {
  const { type, viewer, record: r } = p;
  const definition = DEFINITIONS[type];
  const deleted = r.deletedAt !== null;
  const mayEdit = canEdit(viewer, r);
  const citations = r.citations ? (
    <RecordCitations targetType={type as CitationTarget} targetId={r.id} citations={r.citations} canCite={mayEdit && !deleted} />
  ) : null;
  const back = p.back ?? backToList(type);
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <PageHeader
          above={
            <p className="text-sm">
              <Link href={back.href} className="inline-flex items-center gap-1 text-muted-foreground hover:text-foreground hover:underline">
                <ArrowLeft aria-hidden="true" className="size-4" />
                {back.label}
              </Link>
            </p>
          }
          title={
            <>
              {displayName(type, r as never)}
              {p.headingDetail ? <span className="font-normal text-muted-foreground"> ({p.headingDetail})</span> : null}
            </>
          }
        />
        {p.intro}
        <div className="flex flex-wrap gap-2">
          {p.badges}
          <VerificationBadge verifiedAt={r.verifiedAt} by={r.verifiedBy?.name} />
          {p.flags}
          {r.visibility === "RESTRICTED" ? <Badge tone="warning" icon={Lock}>Restricted</Badge> : null}
          {deleted ? <Badge tone="danger" icon={Trash2}>Deleted</Badge> : null}
        </div>
        {p.lead}
        <RecordActions
          type={type}
          id={r.id}
          version={r.version}
          label={definition.label}
          editHref={mayEdit ? `${recordHref(type, r.id)}/edit` : undefined}
          extraLinks={can(viewer.role, "record:create") && !deleted ? (p.createLinks ?? []) : []}
          historyHref={historyHref(type, r.id)}
          canVerify={can(viewer.role, "record:verify") && r.verifiedAt === null}
          canDelete={canDelete(viewer, r)}
          canRestore={can(viewer.role, "record:restore")}
          deleted={deleted}
          afterDeleteHref={type === "quote" ? back.href : `/${definition.segment}`}
        />
        {p.headerEnd}
        {p.citations === "header" ? citations : null}
      </header>

      {p.children}

      {p.citations === "header" || !citations ? null : <Section title="Sources" id="sources">{citations}</Section>}
    </article>
  );
}
