import { maxUploadBytes } from "../files/service";

/** How many files a visitor may attach to one request or reply. */
export const MAX_VISITOR_FILES = 5;

/** The largest body a visitor's form may send: its files at their limit, plus 256 KB for the fields. */
export const visitorUploadLimit = () => MAX_VISITOR_FILES * maxUploadBytes() + 256 * 1024;
