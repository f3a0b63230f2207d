import nodemailer from 'nodemailer';
import type { Env } from '../env';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** E-mail over SMTP when SMTP_URL is set (smtp://user:pass@host:port, smtps://...), else none. */
export function createMailer(env: Pick<Env, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!env.smtpUrl) return null;
  const transport = nodemailer.createTransport(env.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: env.mailFrom, ...mail });
    },
  };
}

/** Sends each mail, never throwing: an SMTP outage must not undo a reminder already shown in the app. */
export async function sendAll(
  mailer: Mailer | null,
  mails: readonly Mail[],
  log: (msg: string) => void = () => undefined,
): Promise<number> {
  if (!mailer) return 0;
  let sent = 0;
  for (const m of mails) {
    try {
      await mailer.send(m);
      sent++;
    } catch (e) {
      log(`reminder e-mail failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return sent;
}
