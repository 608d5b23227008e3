import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptInvitation } from "@/components/invite/accept-invitation";
import { InvitationDetails } from "@/components/invite/invitation-details";
import { InviteFrame } from "@/components/invite/invite-frame";
import { JoinForm } from "@/components/invite/join-form";
import { SwitchAccount } from "@/components/invite/switch-account";
import { buttonClassName } from "@/components/ui/button";
import { serverApi } from "@/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.invitePage");
  // The address holds a secret: keep it out of search engines and other sites' referrer logs.
  return { title: t("metaTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

async function findInvitation(token: string) {
  try {
    return await (await serverApi()).invitation.preview({ token });
  } catch {
    // A malformed token is refused by the input schema: for the visitor it is simply not found.
    return null;
  }
}

/** Where an invitation link leads: join the desk, or learn why the link no longer works. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, invitation] = await Promise.all([getTranslations("staff.invitePage"), findInvitation(token)]);
  const home = (
    <Link href="/" className="font-medium text-brand-600 hover:text-brand-700">
      {t("home")}
    </Link>
  );

  if (!invitation || invitation.state !== "open") {
    const state = invitation?.state ?? "notFound";
    const values = { desk: invitation?.deskName ?? "", email: invitation?.email ?? "" };
    const signedInMember = invitation?.state === "accepted" && invitation.signedInAs?.toLowerCase() === invitation.email.toLowerCase();
    return (
      <InviteFrame>
        <AuthCard title={t(`closed.${state}.title`, values)} subtitle={t(`closed.${state}.body`, values)} footer={home}>
          {invitation?.state === "accepted" ? (
            <Link
              href={signedInMember ? `/d/${invitation.deskSlug}` : `/signin?callbackUrl=${encodeURIComponent(`/d/${invitation.deskSlug}`)}`}
              className={buttonClassName({ size: "lg", className: "w-full" })}
            >
              {signedInMember ? t("openDesk", { desk: invitation.deskName }) : t("signIn")}
            </Link>
          ) : (
            <p className="text-sm text-slate-600">{t("askForNew")}</p>
          )}
        </AuthCard>
      </InviteFrame>
    );
  }

  const signedIn = invitation.signedInAs;
  const isInvitee = signedIn !== null && signedIn.toLowerCase() === invitation.email.toLowerCase();
  const callback = `/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;

  let action: React.ReactNode;
  if (isInvitee) {
    action = <AcceptInvitation token={token} email={invitation.email} />;
  } else if (signedIn) {
    action = <SwitchAccount token={token} signedInAs={signedIn} email={invitation.email} />;
  } else if (invitation.accountExists) {
    action = (
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-600">{t("existingAccount", { email: invitation.email })}</p>
        <Link href={callback} className={buttonClassName({ size: "lg", className: "w-full" })}>
          {t("signInToAccept")}
        </Link>
      </div>
    );
  } else {
    action = <JoinForm token={token} email={invitation.email} name={invitation.name} deskName={invitation.deskName} />;
  }

  return (
    <InviteFrame>
      <AuthCard
        title={t("title", { desk: invitation.deskName })}
        subtitle={t("subtitle", { desk: invitation.deskName, role: invitation.role })}
        footer={t("footer")}
      >
        <div className="flex flex-col gap-6">
          <InvitationDetails deskName={invitation.deskName} role={invitation.role} email={invitation.email} />
          {action}
        </div>
      </AuthCard>
    </InviteFrame>
  );
}
