package app.covenant.insurance.demo;

import app.covenant.documents.pdf.PdfRenderer;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Draws a demo additional-insured endorsement as a PDF: the form number the compliance check looks for in the
 * file name (CG 20 10 for ongoing operations, CG 20 37 for completed operations), the policy it endorses and its
 * schedule of additional insureds and location. A short summary stands in for the insurer's form wording.
 */
@Component
class EndorsementSample {

    static final String TEMPLATE = "pdf/insurance/sample-endorsement";

    /**
     * An endorsement form: its number, title, the file name a broker would give it (the number first, which is how
     * the compliance check recognises the form) and what it does, in a sentence.
     */
    record Form(String number, String title, String fileName, String summary) {
    }

    static final Form ONGOING_OPERATIONS = new Form("CG 20 10 04 13",
            "Additional Insured - Owners, Lessees or Contractors - Ongoing Operations",
            "CG 20 10 04 13 Additional Insured Ongoing Operations.pdf",
            "The persons or organizations in the schedule are additional insureds under this policy, for injury or "
                    + "damage caused in whole or in part by the named insured's acts or omissions while performing "
                    + "ongoing operations for them at the location shown.");

    static final Form COMPLETED_OPERATIONS = new Form("CG 20 37 04 13",
            "Additional Insured - Owners, Lessees or Contractors - Completed Operations",
            "CG 20 37 04 13 Additional Insured Completed Operations.pdf",
            "The persons or organizations in the schedule are additional insureds under this policy, for injury or "
                    + "damage caused in whole or in part by the named insured's completed work at the location shown, "
                    + "within the products-completed operations hazard.");

    private final ITemplateEngine templates;
    private final PdfRenderer pdf;

    EndorsementSample(ITemplateEngine templates, PdfRenderer pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    byte[] render(Form form, SampleCertificate certificate, SamplePolicy policy, List<String> additionalInsureds,
                  String location) {
        Context context = new Context(Locale.US);
        context.setVariable("form", form);
        context.setVariable("insured", certificate.insured().name());
        context.setVariable("insurer", policy.insurerName());
        context.setVariable("policyNumber", policy.policyNumber());
        context.setVariable("period", Acord25Sample.us(policy.effectiveDate()) + " to "
                + Acord25Sample.us(policy.expirationDate()));
        context.setVariable("additionalInsureds", additionalInsureds);
        context.setVariable("location", location);
        return pdf.render(templates.process(TEMPLATE, context));
    }
}
