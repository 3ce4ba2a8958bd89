// The real way out: nodemailer over SMTP to the council's mail server (SMTP_URL).
import nodemailer from 'nodemailer';
import type { MailTransport } from './sender.js';

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return { sendMail: (message) => transporter.sendMail(message) };
}
