package app.covenant.insurance.contractors;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContractorRepository extends JpaRepository<Contractor, UUID> {
}
