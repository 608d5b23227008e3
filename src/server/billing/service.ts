import { asc } from "drizzle-orm";
import type { Database } from "../db/types";
import { plans, type Plan } from "./schema";

/** The plans on sale, cheapest first. Platform data: no desk scope needed. */
export async function listPlans(db: Database): Promise<Plan[]> {
  return db.select().from(plans).orderBy(asc(plans.position));
}
