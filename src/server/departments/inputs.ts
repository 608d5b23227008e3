import { z } from "zod";
import { textInput } from "@/lib/text-input";

export const departmentName = textInput().trim().min(1, "department.nameRequired").max(80, "department.nameTooLong");

export const departmentFields = {
  name: departmentName,
  description: textInput().trim().max(500, "department.descriptionTooLong").default(""),
  parentId: z.uuid("department.notFound").nullable().default(null),
  isPublic: z.boolean().default(true),
  responsibleMembershipId: z.uuid("staff.notFound").nullable().default(null),
};

export const departmentForm = z.object(departmentFields);
export type DepartmentForm = z.infer<typeof departmentForm>;

export const departmentId = z.uuid("department.notFound");
/** Up or down among its siblings. */
export const moveDirection = z.enum(["up", "down"]);
